-- Relays claim the oldest unsent announcement of each paper (several indexers relay one outbox): this finds a
-- paper's earlier unsent announcements without reading the rest of the outbox.
create index outbox_unsent_by_paper on outbox (paper_id, id) where sent_at is null;
