-- Which fetcher instance polls a source: a lease with an expiry, renewed by every window its holder finishes, and a
-- fencing token that rises with every new holder. A cursor moves only under the current token, so an instance that
-- lost its lease (stalled past the expiry, then woke) cannot move a cursor another instance now owns.
create table source_lease (
    source     varchar(64)  primary key,
    holder     varchar(128) not null,
    token      bigint       not null,
    expires_at timestamptz  not null
);
