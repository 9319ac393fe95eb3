-- Where each source stands per watch: the last window completed (every record acknowledged by Kafka),
-- and what the last poll did.
create table source_cursor (
    source            varchar(64)  not null,
    watch_id          varchar(64)  not null,
    completed_through date,
    last_success_at   timestamptz,
    last_error        text,
    last_error_at     timestamptz,
    records_sent      bigint       not null default 0,
    primary key (source, watch_id)
);

-- Backfills over a date range, started from the admin API; a running one resumes after a restart at next_day.
create table backfill (
    id          bigserial    primary key,
    source      varchar(64)  not null,
    watch_id    varchar(64)  not null,
    from_day    date         not null,
    to_day      date         not null,
    next_day    date         not null,
    state       varchar(16)  not null,
    seen        bigint       not null default 0,
    sent        bigint       not null default 0,
    last_error  text,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index backfill_running on backfill (state) where state = 'RUNNING';

-- Each feed's ETag and Last-Modified, for conditional GETs across restarts.
create table feed_validator (
    url           varchar(2048) primary key,
    etag          varchar(512),
    last_modified varchar(128),
    updated_at    timestamptz   not null
);
