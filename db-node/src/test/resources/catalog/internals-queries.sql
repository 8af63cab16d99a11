-- Not recorded from a client: what distdb must hide from every catalog view (its schemas
-- distdb_internal and distdb_catalog, its row-capture triggers distdb_capture_*, the indexes H2
-- adds for foreign keys), asked as a client would; PostgreSQL answers no rows, and so must distdb.

-- hidden schemas
SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE 'distdb%';

-- hidden triggers
SELECT tgname FROM pg_catalog.pg_trigger WHERE tgname LIKE 'distdb%';

-- hidden relations
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'distdb%' OR c.relname LIKE 'distdb%' OR (n.nspname = 'public' AND (c.relname LIKE 'constraint_%' OR c.relname LIKE 'primary_key_%'));

-- relations of the schema
SELECT c.relname, c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY c.relname;
