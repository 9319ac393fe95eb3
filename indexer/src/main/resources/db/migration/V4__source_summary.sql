-- The summary a source wrote itself (a summary page's TL;DR, contribution and key findings), kept word for word
-- beside the extractor's own: two columns on the paper, and the key findings told apart by who wrote them.
alter table paper add column source_tldr text;
alter table paper add column source_contribution text;

alter table key_finding add column origin varchar(16) not null default 'extractor';
alter table key_finding drop constraint key_finding_pkey;
alter table key_finding add primary key (paper_id, origin, position);
