-- Deployments: a READY model version made servable, at most once per tenant and version.
create table deployments (
    id                  uuid         primary key,
    tenant_id           bigint       not null references tenants (id) on delete cascade,
    model_id            bigint       not null references models (id) on delete cascade,
    model_version_id    bigint       not null references model_versions (id) on delete cascade,
    version             integer      not null,
    max_batch_size      integer      not null,
    max_batch_delay_ms  integer      not null,
    replicas            integer      not null,
    created_by          varchar(200) not null,
    created_at          timestamptz  not null default now(),
    ready_at            timestamptz,
    constraint deployments_tenant_version_key unique (tenant_id, model_version_id),
    constraint deployments_batch_check check (max_batch_size between 1 and 256),
    constraint deployments_delay_check check (max_batch_delay_ms between 0 and 1000),
    constraint deployments_replicas_check check (replicas between 1 and 16)
);

create index deployments_tenant_idx on deployments (tenant_id, created_at desc);
create index deployments_model_idx on deployments (model_id);

-- What each inference worker reported about a deployment it loaded (or failed to load).
create table deployment_replicas (
    deployment_id   uuid          not null references deployments (id) on delete cascade,
    worker_id       uuid          not null references workers (id) on delete cascade,
    status          varchar(20)   not null,
    failure_reason  varchar(2000),
    load_millis     bigint,
    reported_at     timestamptz   not null default now(),
    primary key (deployment_id, worker_id),
    constraint deployment_replicas_status_check check (status in ('PENDING', 'READY', 'FAILED'))
);

create index deployment_replicas_worker_idx on deployment_replicas (worker_id);

-- The version unversioned inference calls reach; null: the highest deployed version.
alter table models add column default_version integer;

-- What a worker does (JOBS, INFERENCE), and the secret the gateway sends it on inference calls.
alter table workers add column roles jsonb not null default '["JOBS"]'::jsonb;
alter table workers add column inference_token varchar(200);
