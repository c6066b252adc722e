-- Worker nodes, registered by name and kept alive by heartbeats.
create table workers (
    id                 uuid primary key,
    name               varchar(200) not null,
    url                varchar(500) not null,
    version            varchar(100),
    engine             varchar(100),
    engine_version     varchar(100),
    capabilities       jsonb        not null default '{}'::jsonb,
    registered_at      timestamptz  not null default now(),
    last_heartbeat_at  timestamptz  not null default now(),
    constraint workers_name_key unique (name)
);
