-- Every record the fetcher has sent, so a restart or a re-dropped file does not send it again.
create table sent_record (
    source       varchar(64)  not null,
    record_id    varchar(512) not null,
    content_hash char(64)     not null,
    sent_at      timestamptz  not null,
    times_sent   integer      not null default 1,
    primary key (source, record_id)
);
