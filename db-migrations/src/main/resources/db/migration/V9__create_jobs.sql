-- The job queue. Workers claim with FOR UPDATE SKIP LOCKED; an insert sends NOTIFY jobs_queued.
-- Higher priority first, then oldest first. A RUNNING job holds a lease (owner, token, expiry);
-- an expired lease puts it back to QUEUED with attempt + 1 and not_before = now + backoff.
create table jobs (
    id                       uuid         primary key,
    tenant_id                bigint       not null references tenants (id) on delete cascade,
    kind                     varchar(40)  not null,
    spec                     jsonb        not null default '{}'::jsonb,
    status                   varchar(20)  not null,
    priority                 integer      not null default 0,
    attempt                  integer      not null default 1,
    max_attempts             integer      not null,
    lease_owner              uuid,
    lease_token              uuid,
    lease_expires_at         timestamptz,
    not_before               timestamptz  not null default now(),
    created_at               timestamptz  not null default now(),
    started_at               timestamptz,
    finished_at              timestamptz,
    error                    varchar(4000),
    result                   jsonb,
    result_model_version_id  bigint references model_versions (id) on delete set null,
    constraint jobs_status_check
        check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'))
);

-- The claim query and the lease reaper.
create index jobs_queued_idx on jobs (priority desc, created_at) where status = 'QUEUED';
create index jobs_running_lease_idx on jobs (lease_expires_at) where status = 'RUNNING';
create index jobs_tenant_idx on jobs (tenant_id, created_at desc);
