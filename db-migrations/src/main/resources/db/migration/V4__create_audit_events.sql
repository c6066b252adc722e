-- Every change, written in the same transaction as the change itself.
create table audit_events (
    id           bigserial primary key,
    occurred_at  timestamptz  not null default now(),
    actor        varchar(255) not null,
    tenant_id    bigint references tenants (id) on delete set null,
    action       varchar(100) not null,
    target_type  varchar(100) not null,
    target       varchar(255),
    details      jsonb        not null default '{}'::jsonb
);

-- A tenant's trail and the admin filters, newest first (ids increase with time).
create index audit_events_tenant_idx on audit_events (tenant_id, id desc);
create index audit_events_action_idx on audit_events (action, id desc);
