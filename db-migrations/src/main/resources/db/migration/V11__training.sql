-- Training jobs (issue 4): fair claims, cancel, metering, checkpoints and events.

-- num: a bigint id for blob references (checkpoints and artifacts are owned by the job).
-- cancel_requested: a RUNNING job whose worker must stop; it ends CANCELLED, never requeued.
-- training_millis: worker time of all attempts; metered_at: until when the current attempt is
-- accounted. event_seq: the seq of the job's last event. checkpoint / artifact / latest_metrics:
-- the job's latest Checkpoint, uploaded model archive (BlobPointer) and EPOCH metrics.
alter table jobs
    add column num               bigserial,
    add column cancel_requested  boolean      not null default false,
    add column training_millis   bigint       not null default 0 check (training_millis >= 0),
    add column metered_at        timestamptz,
    add column event_seq         bigint       not null default 0,
    add column checkpoint        jsonb,
    add column artifact          jsonb,
    add column latest_metrics    jsonb;

alter table jobs add constraint jobs_num_key unique (num);

-- The fair claim: walks the distinct tenants with queued jobs (a loose index scan), takes each
-- one's next job, and counts each one's running jobs.
create index jobs_queued_tenant_idx on jobs (tenant_id, priority desc, created_at)
    where status = 'QUEUED';
create index jobs_running_tenant_idx on jobs (tenant_id, kind) where status = 'RUNNING';
drop index jobs_queued_idx;

-- What a job reported, numbered 1, 2, ... per job.
create table job_events (
    id         bigserial    primary key,
    job_id     uuid         not null references jobs (id) on delete cascade,
    seq        bigint       not null,
    at         timestamptz  not null default now(),
    type       varchar(20)  not null,
    attempt    integer      not null,
    level      varchar(10),
    message    varchar(4000),
    status     varchar(20),
    metrics    jsonb,
    constraint job_events_job_seq_key unique (job_id, seq),
    constraint job_events_type_check check (type in ('STATUS', 'LOG', 'EPOCH', 'CHECKPOINT'))
);

-- Limits for training (null: unlimited).
alter table tenant_quotas
    add column max_concurrent_jobs       integer check (max_concurrent_jobs >= 0),
    add column monthly_training_seconds  bigint  check (monthly_training_seconds >= 0);

-- Training time per tenant and calendar month (UTC), in milliseconds of worker wall time.
create table tenant_training_usage (
    tenant_id  bigint  not null references tenants (id) on delete cascade,
    month      date    not null,
    millis     bigint  not null default 0 check (millis >= 0),
    primary key (tenant_id, month)
);
