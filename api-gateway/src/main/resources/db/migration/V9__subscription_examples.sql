-- Subscriptions by example papers: new papers whose similarity to the examples (less their similarity to the papers
-- to avoid) reaches example_threshold are delivered. Each example keeps the profile the catalog gave it when it was
-- added (its words and entities with their weights and rarity), so new papers are scored without asking the catalog.
alter table subscription
    add column example_threshold double precision;

create table subscription_example (
    subscription_id uuid             not null references subscription (id) on delete cascade,
    paper_id        text             not null,
    weight          double precision not null,
    -- true: a paper to avoid; false: an example.
    avoid           boolean          not null,
    -- The catalog's profile of the paper (JSON), as the internal API's PaperProfile.
    profile         text             not null,
    added_at        timestamptz      not null,
    primary key (subscription_id, paper_id)
);
