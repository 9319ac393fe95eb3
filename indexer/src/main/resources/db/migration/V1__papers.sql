-- The paper catalog, one row per paper, keyed by the paper's best stable id.
create table paper (
    id          varchar(300) primary key,
    doi         varchar(300),
    pmid        varchar(16),
    pmcid       varchar(24),
    title       text         not null,
    year        integer,
    extracted   text         not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index paper_doi on paper (doi);
create index paper_pmid on paper (pmid);
create index paper_pmcid on paper (pmcid);
