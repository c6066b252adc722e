-- Datasets: uploaded training data, unique by name per tenant. The bytes are the blob sha256
-- (referenced from blob_references with owner_type 'DATASET'). profile holds {"csv": CsvProfile}
-- or {"images": ImageZipProfile}, by format; preview holds a CSV's header and first rows.
create table datasets (
    id          bigserial    primary key,
    tenant_id   bigint       not null references tenants (id) on delete cascade,
    name        varchar(40)  not null,
    format      varchar(20)  not null,
    size_bytes  bigint       not null check (size_bytes > 0),
    sha256      varchar(64)  not null,
    profile     jsonb        not null,
    preview     jsonb,
    created_at  timestamptz  not null default now(),
    constraint datasets_tenant_name_key unique (tenant_id, name),
    constraint datasets_name_check
        check (name ~ '^[a-z]([a-z0-9]|-[a-z0-9])*$' and char_length(name) between 3 and 40),
    constraint datasets_format_check check (format in ('CSV', 'IMAGE_ZIP'))
);

create index datasets_tenant_created_idx on datasets (tenant_id, created_at desc);

-- The delete check: is a queued or running job of the tenant using the dataset (spec.dataset)?
create index jobs_active_dataset_idx on jobs (tenant_id, (spec ->> 'dataset'))
    where status in ('QUEUED', 'RUNNING');
