-- Tenants: the unit of isolation. The slug is the tenant's URL name and never changes.
create table tenants (
    id          bigserial primary key,
    slug        varchar(40)  not null,
    name        varchar(200) not null,
    status      varchar(20)  not null default 'ACTIVE',
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint tenants_slug_key unique (slug),
    constraint tenants_status_check check (status in ('ACTIVE', 'SUSPENDED'))
);

-- The admin list filters by status and orders by slug.
create index tenants_status_slug_idx on tenants (status, slug);
