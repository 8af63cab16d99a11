-- Not recorded from a client: PostgreSQL's convenience views over the catalog (pg_tables,
-- pg_indexes, pg_views, pg_sequences), as scripts and admin tools query them.

-- tables
SELECT schemaname, tablename, tablespace, hasindexes, hasrules, hastriggers, rowsecurity FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename;

-- tables qualified
SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'parent';

-- indexes
SELECT schemaname, tablename, indexname, tablespace FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname;

-- index definitions
SELECT indexname, indexdef FROM pg_catalog.pg_indexes WHERE tablename IN ('child', 'pair') ORDER BY indexname;

-- views
SELECT schemaname, viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname;

-- sequences
SELECT schemaname, sequencename, start_value, min_value, max_value, increment_by, cycle FROM pg_sequences WHERE sequencename = 'counter_seq';
SELECT sequencename, last_value FROM pg_sequences ORDER BY sequencename;

-- view definitions (PostgreSQL's deparsed text, as pg_dump and psql read it)
SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname;
SELECT pg_get_viewdef('named_parent'::regclass), pg_get_viewdef('named_parent'::regclass, true);
SELECT pg_get_viewdef('named_parent'), pg_get_viewdef('public.named_parent', true);
SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = 'public';

-- sequence cache (PostgreSQL's default 1, where the engine keeps 32)
SELECT sequencename, cache_size FROM pg_sequences ORDER BY sequencename;
SELECT c.relname, s.seqcache FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid ORDER BY 1;

-- database sizes (psql's \l+ reads every database's)
SELECT datname, pg_database_size(datname) > 0 FROM pg_database WHERE datname IN ('postgres', current_database()) ORDER BY 1;
