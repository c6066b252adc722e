-- Users as the identity provider knows them. The subject stays null for seeded users until their
-- first sign-in claims the row by username.
create table users (
    id            bigserial primary key,
    subject       varchar(255),
    username      varchar(255) not null,
    email         varchar(320),
    display_name  varchar(255),
    created_at    timestamptz  not null default now(),
    last_seen_at  timestamptz,
    constraint users_subject_key unique (subject),
    constraint users_username_key unique (username)
);
