-- Imports through the internal API: one job per uploaded file, one row per entry of the file with its outcome.
create table import_job (
    id           uuid         primary key,
    owner        varchar(128) not null,
    file_name    varchar(512),
    content_type varchar(128) not null,
    state        varchar(16)  not null,
    error        text,
    created_at   timestamptz  not null,
    finished_at  timestamptz
);

create table import_entry (
    job_id    uuid         not null references import_job (id) on delete cascade,
    position  integer      not null,
    label     varchar(600) not null,
    outcome   varchar(16),
    source    varchar(64),
    record_id varchar(512),
    detail    text,
    primary key (job_id, position)
);
