-- Every paper version announced on papers.indexed, taken in once and numbered in the order the gateway took it in.
-- The number is the id of each live-stream event: a client that reconnects with Last-Event-ID is sent what it
-- missed. A (paper, version) already here is never handled again, whatever papers.indexed redelivers.
create table announcement (
    seq          bigserial primary key,
    paper_id     text        not null,
    version      bigint      not null,
    -- the papers.indexed record as it came, for matching on replay
    payload      bytea       not null,
    received_at  timestamptz not null,
    unique (paper_id, version)
);
create index announcement_received on announcement (received_at);
