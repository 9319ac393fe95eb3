-- The JSON texts each paper leaves (its source record, the merged paper, the announcement in the outbox) are stored
-- uncompressed: compressing them was a tenth of the database's CPU per paper, for disk space that the outbox gives
-- back within days anyway. A row of up to 8 kB stays whole in its table (toast_tuple_target, up from about 2 kB); a
-- longer text goes out of line as it is (STORAGE EXTERNAL), never through pglz.
alter table source_record set (toast_tuple_target = 8160);
alter table source_record alter column record set storage external;
alter table paper set (toast_tuple_target = 8160);
alter table paper alter column merged set storage external;
alter table outbox set (toast_tuple_target = 8160);
alter table outbox alter column payload set storage external;

-- Fewer foreign-key checks per mention and entity count row (each is a query of its own). A mention points at its
-- paper's entity count row, which points at the paper: one check instead of two, and removing a paper still removes
-- its mentions (through the count rows). The count rows keep no key to the entity table: the catalog writes every
-- entity of a paper in the same transaction as the paper's count rows, before them, and never deletes an entity.
alter table mention drop constraint mention_paper_id_fkey;
alter table mention drop constraint mention_entity_id_fkey;
alter table mention add constraint mention_paper_entity_fkey foreign key (paper_id, entity_id)
    references paper_entity (paper_id, entity_id) on delete cascade;
alter table paper_entity drop constraint paper_entity_entity_id_fkey;
