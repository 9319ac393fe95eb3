-- Each record as it was last sent to papers.fetched, so that every paper can be extracted again by a new extractor
-- without fetching it again (a replay). Records sent before this column existed have none: a replay counts them as
-- missing, and they come back the next time a source or the inbox gives them with other content.
alter table sent_record add column record text;

-- Replays of the stored records to papers.fetched: progress and where to resume, after (source, record_id).
create table replay (
    id              bigserial    primary key,
    state           varchar(16)  not null,
    total           bigint       not null,
    sent            bigint       not null default 0,
    missing         bigint       not null default 0,
    after_source    varchar(64),
    after_record_id varchar(512),
    last_error      text,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

-- At most one replay runs: starting one while another runs gives the running one.
create unique index replay_one_running on replay ((true)) where state = 'RUNNING';
