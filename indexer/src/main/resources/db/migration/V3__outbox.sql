-- Announcements of catalog changes, written in the transaction that makes the change and published to
-- papers.indexed by the relay after it commits (the transactional outbox). A row is kept, marked sent, for a while
-- after it is published, so an operator can see what was announced and when.
create table outbox (
    id          bigserial primary key,
    paper_id    text        not null,
    version     bigint      not null,
    payload     bytea       not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);

create index outbox_unsent on outbox (id) where sent_at is null;
