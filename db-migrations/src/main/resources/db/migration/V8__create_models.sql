-- Models: named containers of versions, unique per tenant.
create table models (
    id            bigserial    primary key,
    tenant_id     bigint       not null references tenants (id) on delete cascade,
    name          varchar(40)  not null,
    description   varchar(2000),
    task          varchar(40)  not null,
    next_version  integer      not null default 1,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint models_tenant_name_key unique (tenant_id, name)
);

-- Versions 1, 2, ... per model (numbers are never reused). The artifact is the blob sha256.
create table model_versions (
    id               bigserial    primary key,
    model_id         bigint       not null references models (id) on delete cascade,
    tenant_id        bigint       not null references tenants (id) on delete cascade,
    version          integer      not null,
    status           varchar(20)  not null,
    format           varchar(20)  not null,
    size_bytes       bigint       not null,
    sha256           varchar(64)  not null,
    signature        jsonb,
    failure_reason   varchar(4000),
    source           varchar(20)  not null,
    training_job_id  uuid,
    metrics          jsonb,
    created_at       timestamptz  not null default now(),
    validated_at     timestamptz,
    constraint model_versions_model_version_key unique (model_id, version),
    constraint model_versions_status_check check (status in ('VALIDATING', 'READY', 'FAILED'))
);

create index model_versions_tenant_idx on model_versions (tenant_id);
