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
