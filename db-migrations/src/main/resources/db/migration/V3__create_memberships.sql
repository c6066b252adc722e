-- A user's role in a tenant.
create table memberships (
    id          bigserial primary key,
    tenant_id   bigint      not null references tenants (id) on delete cascade,
    user_id     bigint      not null references users (id) on delete cascade,
    role        varchar(20) not null,
    created_at  timestamptz not null default now(),
    constraint memberships_tenant_user_key unique (tenant_id, user_id),
    constraint memberships_role_check check (role in ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER'))
);

-- "My tenants" looks memberships up by user; the unique key serves lookups by tenant.
create index memberships_user_idx on memberships (user_id);
