-- API keys for the inference gateway. Only a keyed hash (HMAC-SHA-256 with a server secret) of
-- the whole key is stored; key_id is the public part that finds the row.
create table api_keys (
    id                          uuid primary key,
    tenant_id                   bigint       not null references tenants (id) on delete cascade,
    name                        varchar(100) not null,
    key_id                      varchar(20)  not null,
    secret_hash                 bytea        not null,
    -- After a rotation, the old secret's hash works until previous_secret_expires_at.
    previous_secret_hash        bytea,
    previous_secret_expires_at  timestamptz,
    scopes                      jsonb        not null,
    -- The allow-list of model names; empty: every model of the tenant.
    models                      jsonb        not null default '[]',
    rate_rps                    double precision check (rate_rps > 0),
    rate_burst                  integer check (rate_burst >= 1),
    monthly_request_limit       bigint check (monthly_request_limit > 0),
    created_by                  varchar(200) not null,
    created_at                  timestamptz  not null default now(),
    last_used_at                timestamptz,
    expires_at                  timestamptz  not null,
    revoked_at                  timestamptz,
    constraint api_keys_key_id_key unique (key_id)
);

create index api_keys_tenant_created_idx on api_keys (tenant_id, created_at desc);

-- Shared token buckets of the rate limits ('key:<uuid>', 'tenant:<id>'). Each gateway replica
-- leases a few tokens at a time with one atomic update, so replicas together never hand out more
-- than the bucket holds.
create table rate_buckets (
    bucket      varchar(80)      primary key,
    tokens      double precision not null,
    updated_at  timestamptz      not null default clock_timestamp()
);

-- Inference calls per minute, written by the gateway in batches (upserts that add).
-- api_key_id null: calls of signed-in members ("try it"); version null: no such model/version.
create table usage_buckets (
    minute          timestamptz      not null,
    tenant_id       bigint           not null references tenants (id) on delete cascade,
    api_key_id      uuid,
    model           varchar(100)     not null,
    version         integer,
    status_class    smallint         not null check (status_class in (2, 4, 5)),
    requests        bigint           not null default 0,
    rate_limited    bigint           not null default 0,
    items           bigint           not null default 0,
    latency_sum_ms  double precision not null default 0,
    latency_max_ms  double precision not null default 0,
    constraint usage_buckets_key
        unique nulls not distinct (minute, tenant_id, api_key_id, model, version, status_class)
);

create index usage_buckets_tenant_minute_idx on usage_buckets (tenant_id, minute);

alter table tenant_quotas
    add column max_requests_per_second integer check (max_requests_per_second >= 0),
    add column monthly_inference_requests bigint check (monthly_inference_requests >= 0);
