-- Subscriptions, API keys and webhook deliveries: the gateway's own tables.

create table api_key (
    id           uuid primary key,
    name         text        not null,
    prefix       text        not null,
    hash         char(64)    not null unique,
    role         text        not null check (role in ('ADMIN', 'USER')),
    created_at   timestamptz not null,
    revoked_at   timestamptz
);

create table subscription (
    id              uuid primary key,
    -- the API key id that created it, or 'bootstrap' for the configured admin key
    owner           text        not null,
    name            text        not null,
    query           text        not null,
    filters         text        not null,
    feed_token      text        not null unique,
    webhook_url     text,
    webhook_secret  text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index subscription_owner on subscription (owner);

-- One delivery per (subscription, paper version); its attempts are recorded below.
create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid        not null references subscription (id) on delete cascade,
    paper_id         text        not null,
    paper_version    bigint      not null,
    url              text        not null,
    payload          text        not null,
    state            text        not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (subscription_id, paper_id, paper_version)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc);

create table webhook_attempt (
    id           bigserial primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempt      int         not null,
    started_at   timestamptz not null,
    duration_ms  bigint      not null,
    status_code  int,
    error        text,
    outcome      text        not null check (outcome in ('DELIVERED', 'RETRY', 'FAILED')),
    unique (delivery_id, attempt)
);
