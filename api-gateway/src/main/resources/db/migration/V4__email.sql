-- E-mail for subscriptions: the address a subscription mails to, and the mail to send (an outbox, written in the
-- transaction that decides it).

alter table subscription
    add column email_address   text,
    add column email_frequency text check (email_frequency in ('IMMEDIATE', 'DAILY', 'WEEKLY')),
    -- PENDING until the address confirms (double opt-in); UNSUBSCRIBED once it asked for no more mail
    add column email_state     text check (email_state in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    -- the gateway's address when the e-mail was set, the base of the links mailed when no public URL is configured
    add column email_base_url  text,
    add constraint subscription_email_complete check (
        (email_address is null) = (email_frequency is null)
        and (email_address is null) = (email_state is null));

-- One mail to send, or one paper in a mail: a CONFIRMATION asks an address to confirm; a PAPER is one paper for one
-- address, at most once per address whatever subscriptions match it and however often the paper changes.
create table email_delivery (
    id               uuid primary key,
    kind             text        not null check (kind in ('CONFIRMATION', 'PAPER')),
    -- lower-cased
    address          text        not null,
    paper_id         text,
    paper_version    bigint,
    -- the paper's mail fields as JSON (title, authors, journal, TL;DR); '{}' for a confirmation
    content          text        not null,
    state            text        not null check (state in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts         int         not null default 0,
    -- when the mail is due: at once, or at the digest time of the subscription's frequency
    due_at           timestamptz not null,
    -- the next attempt (a claimed delivery's moves forward while it is being sent); null once settled
    next_attempt_at  timestamptz,
    sent_at          timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check ((kind = 'PAPER') = (paper_id is not null))
);
create unique index email_delivery_once on email_delivery (address, paper_id) where kind = 'PAPER';
create index email_delivery_due on email_delivery (next_attempt_at) where state = 'PENDING';

-- The subscriptions a delivery is for: the one whose address it confirms, or every subscription of that address that
-- matched the paper. A delivery is sent while one of them still mails its address.
create table email_delivery_subscription (
    delivery_id      uuid not null references email_delivery (id) on delete cascade,
    subscription_id  uuid not null references subscription (id) on delete cascade,
    primary key (delivery_id, subscription_id)
);
create index email_delivery_subscription_by_subscription on email_delivery_subscription (subscription_id);

-- Every SMTP attempt of a delivery (all the deliveries of one mail share its outcome).
create table email_attempt (
    id           bigserial primary key,
    delivery_id  uuid        not null references email_delivery (id) on delete cascade,
    attempt      int         not null,
    started_at   timestamptz not null,
    duration_ms  bigint      not null,
    error        text,
    outcome      text        not null check (outcome in ('SENT', 'RETRY', 'FAILED')),
    unique (delivery_id, attempt)
);
