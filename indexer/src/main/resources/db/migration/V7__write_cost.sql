-- The JSON texts each paper leaves (its source record, the merged paper, the announcement in the outbox) are stored
-- uncompressed: compressing them (pglz; the embedded server has no LZ4) took a tenth of the database's CPU per
-- paper. They take more disk and shared buffers instead. A row of up to 8 kB stays whole in its table
-- (toast_tuple_target, up from about 2 kB); a longer text goes out of line as it is (STORAGE EXTERNAL).
alter table source_record set (toast_tuple_target = 8160);
alter table source_record alter column record set storage external;
alter table paper set (toast_tuple_target = 8160);
alter table paper alter column merged set storage external;
alter table outbox set (toast_tuple_target = 8160);
alter table outbox alter column payload set storage external;
