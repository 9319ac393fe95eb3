-- Pausing a subscription: while paused_at is set, it delivers nothing (no live events, webhook posts or mail); its
-- feeds stay readable. Resuming delivers the papers announced from then on, never those announced while paused.
alter table subscription
    add column paused_at     timestamptz,
    -- The announcements of its last pause, never replayed to its stream: those numbered after paused_after, up to
    -- resumed_after (null while still paused).
    add column paused_after  bigint,
    add column resumed_after bigint;
