-- Content-addressed blobs: the same bytes are stored once, whoever uploads them.
create table blobs (
    sha256      varchar(64) primary key,
    size_bytes  bigint      not null check (size_bytes >= 0),
    created_at  timestamptz not null default now()
);

-- Who uses a blob. A tenant is charged a blob's size once, however many of its objects reference
-- it; a blob nobody references is deleted.
create table blob_references (
    id          bigserial   primary key,
    tenant_id   bigint      not null references tenants (id) on delete cascade,
    sha256      varchar(64) not null references blobs (sha256),
    owner_type  varchar(40) not null,
    owner_id    bigint      not null,
    created_at  timestamptz not null default now(),
    constraint blob_references_owner_key unique (tenant_id, owner_type, owner_id, sha256)
);

create index blob_references_tenant_sha_idx on blob_references (tenant_id, sha256);
create index blob_references_sha_idx on blob_references (sha256);

-- What each tenant uses now; its row is locked while a charge is checked against the quota.
create table tenant_usage (
    tenant_id      bigint primary key references tenants (id) on delete cascade,
    storage_bytes  bigint not null default 0 check (storage_bytes >= 0),
    models         bigint not null default 0 check (models >= 0),
    datasets       bigint not null default 0 check (datasets >= 0)
);
