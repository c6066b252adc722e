-- A tenant's limits, set by platform admins. No row: the configured defaults apply.
-- A null limit means unlimited.
create table tenant_quotas (
    tenant_id          bigint primary key references tenants (id) on delete cascade,
    max_storage_bytes  bigint check (max_storage_bytes >= 0),
    max_models         integer check (max_models >= 0),
    max_datasets       integer check (max_datasets >= 0),
    updated_at         timestamptz not null default now()
);
