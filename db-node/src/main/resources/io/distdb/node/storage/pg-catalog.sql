-- PostgreSQL 15's catalog relations as views over H2's metadata (pg_catalog in PostgreSQL mode and
-- INFORMATION_SCHEMA), installed into distdb_catalog by CatalogViews after the views it defines in
-- Java. Statements end with ';' at a line's end. What they must never show: distdb's own schemas
-- (distdb_internal, distdb_catalog), its row-capture triggers (distdb_capture_*), and the indexes
-- H2 adds by itself for foreign keys (PostgreSQL has none).
--
-- OIDs: user tables, views and indexes carry H2's object ids (stable, equal on every replica, see
-- dialect/DESIGN.md); sequences H2 does not number carry 2^30 + a hash of schema and name; the
-- catalog relations carry PostgreSQL's own OIDs (pg_class 1259 ...), so 'pg_class'::regclass and
-- refclassid / classoid columns agree.

-- User schemas (H2's namespaces minus distdb's own) as H2 numbers them, PostgreSQL's fixed ones.
CREATE VIEW distdb_catalog.user_namespace AS
SELECT n.id AS oid, n.nspname FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT IN ('distdb_internal', 'distdb_catalog', 'pg_catalog', 'information_schema');

-- Constraints under PostgreSQL's names where H2 generated one (CONSTRAINT_5 -> t_pkey, t_a_fkey,
-- t_a_b_key), with the referenced table, columns and actions of a foreign key from H2's
-- INFORMATION_SCHEMA (H2's own confrelid names the referencing table); engine_name is H2's name.
-- Not deferrable: distdb checks constraints at once. In creation order (the engine's object ids), as
-- PostgreSQL's heap returns them to a query without ORDER BY.
CREATE VIEW distdb_catalog.pg_constraint AS
SELECT c.oid,
  CASE WHEN REGEXP_LIKE(c.conname, '^(?i)constraint_[0-9a-f]+$') THEN CASE c.contype
    WHEN 'p' THEN t.relname || '_pkey'
    WHEN 'f' THEN t.relname || '_' || (SELECT LISTAGG(k.column_name, '_') WITHIN GROUP (ORDER BY k.ordinal_position)
      FROM information_schema.key_column_usage k WHERE k.constraint_schema = n.nspname AND k.constraint_name = c.conname) || '_fkey'
    WHEN 'u' THEN t.relname || '_' || (SELECT LISTAGG(k.column_name, '_') WITHIN GROUP (ORDER BY k.ordinal_position)
      FROM information_schema.key_column_usage k WHERE k.constraint_schema = n.nspname AND k.constraint_name = c.conname) || '_key'
    WHEN 'c' THEN t.relname || COALESCE('_' || (SELECT MIN(u.column_name) FROM information_schema.constraint_column_usage u
      WHERE u.constraint_schema = n.nspname AND u.constraint_name = c.conname), '') || '_check'
    ELSE c.conname END ELSE c.conname END AS conname,
  n.oid AS connamespace, c.contype, FALSE AS condeferrable, FALSE AS condeferred,
  TRUE AS convalidated, c.conrelid, 0 AS contypid,
  COALESCE(CASE WHEN c.contype IN ('p', 'u') THEN (SELECT pc.oid FROM pg_catalog.pg_class pc
      WHERE pc.relname = tc.index_name AND pc.relnamespace = n.oid AND pc.relkind = 'i')
    WHEN c.contype = 'f' THEN (SELECT pc.oid FROM information_schema.table_constraints u
      JOIN pg_catalog.pg_class pc ON pc.relname = u.index_name AND pc.relnamespace = n.oid AND pc.relkind = 'i'
      WHERE u.constraint_schema = rc.unique_constraint_schema AND u.constraint_name = rc.unique_constraint_name) END, 0) AS conindid,
  0 AS conparentid,
  COALESCE(CASE WHEN c.contype = 'f' THEN (SELECT pc.oid FROM information_schema.table_constraints u
      JOIN pg_catalog.pg_class pc ON pc.relname = u.table_name AND pc.relnamespace = n.oid AND pc.relkind = 'r'
      WHERE u.constraint_schema = rc.unique_constraint_schema AND u.constraint_name = rc.unique_constraint_name) END, 0) AS confrelid,
  CASE rc.update_rule WHEN 'CASCADE' THEN 'c' WHEN 'SET NULL' THEN 'n' WHEN 'SET DEFAULT' THEN 'd'
    WHEN 'RESTRICT' THEN 'a' WHEN 'NO ACTION' THEN 'a' ELSE ' ' END AS confupdtype,
  CASE rc.delete_rule WHEN 'CASCADE' THEN 'c' WHEN 'SET NULL' THEN 'n' WHEN 'SET DEFAULT' THEN 'd'
    WHEN 'RESTRICT' THEN 'a' WHEN 'NO ACTION' THEN 'a' ELSE ' ' END AS confdeltype,
  CASE WHEN c.contype = 'f' THEN 's' ELSE ' ' END AS confmatchtype,
  TRUE AS conislocal, 0 AS coninhcount, FALSE AS connoinherit,
  COALESCE(ARRAY(SELECT col.ordinal_position FROM information_schema.key_column_usage k
    JOIN information_schema.columns col ON col.table_schema = k.table_schema
      AND col.table_name = k.table_name AND col.column_name = k.column_name
    WHERE k.constraint_schema = n.nspname AND k.constraint_name = c.conname
    ORDER BY k.ordinal_position), c.conkey) AS conkey,
  CASE WHEN c.contype = 'f' THEN ARRAY(SELECT col.ordinal_position
    FROM information_schema.key_column_usage k
    JOIN information_schema.key_column_usage uk ON uk.constraint_schema = rc.unique_constraint_schema
      AND uk.constraint_name = rc.unique_constraint_name AND uk.ordinal_position = k.position_in_unique_constraint
    JOIN information_schema.columns col ON col.table_schema = uk.table_schema
      AND col.table_name = uk.table_name AND col.column_name = uk.column_name
    WHERE k.constraint_schema = n.nspname AND k.constraint_name = c.conname
    ORDER BY k.ordinal_position) END AS confkey,
  CAST(NULL AS VARCHAR) AS conbin, c.conname AS engine_name, 2606 AS tableoid
FROM pg_catalog.pg_constraint c
JOIN pg_catalog.pg_class t ON t.oid = c.conrelid
JOIN distdb_catalog.user_namespace n ON n.oid = t.relnamespace
LEFT JOIN information_schema.table_constraints tc ON tc.constraint_schema = n.nspname AND tc.constraint_name = c.conname
LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_schema = n.nspname AND rc.constraint_name = c.conname
ORDER BY c.oid;

-- Indexes PostgreSQL would have: those of primary keys and unique constraints and those a user
-- created, under PostgreSQL's names (a constraint's index is named as the constraint).
CREATE VIEW distdb_catalog.user_index AS
SELECT c.oid, COALESCE(con.conname, i.index_name) AS relname, n.oid AS relnamespace,
  t.oid AS indrelid, i.index_name AS engine_name, i.table_schema, i.table_name,
  con.oid AS conoid, con.contype,
  i.index_type_name IN ('PRIMARY KEY', 'UNIQUE INDEX') AS indisunique,
  i.index_type_name = 'PRIMARY KEY' AS indisprimary
FROM information_schema.indexes i
JOIN distdb_catalog.user_namespace n ON n.nspname = i.table_schema
JOIN pg_catalog.pg_class c ON c.relname = i.index_name AND c.relnamespace = n.oid AND c.relkind = 'i'
JOIN pg_catalog.pg_class t ON t.relname = i.table_name AND t.relnamespace = n.oid AND t.relkind = 'r'
LEFT JOIN information_schema.table_constraints tc ON tc.index_schema = i.table_schema
  AND tc.index_name = i.index_name AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
LEFT JOIN distdb_catalog.pg_constraint con ON con.conrelid = t.oid AND con.engine_name = tc.constraint_name
WHERE tc.constraint_name IS NOT NULL OR i.is_generated = FALSE;

-- serial columns (H2 identity columns generated BY DEFAULT, which is what H2 makes of serial) and
-- identity columns generated ALWAYS, with the sequence PostgreSQL would have created for them.
CREATE VIEW distdb_catalog.serial_column AS
SELECT 1073741824 + ORA_HASH(col.table_schema || '.' || col.table_name || '_' || col.column_name || '_seq', 1073741823) AS seqoid,
  col.table_name || '_' || col.column_name || '_seq' AS seqname, n.oid AS relnamespace,
  t.oid AS attrelid, col.ordinal_position AS attnum, col.table_schema, col.table_name,
  col.column_name, col.data_type, col.identity_start, col.identity_increment,
  col.identity_minimum, col.identity_maximum, col.identity_cycle, col.identity_cache,
  col.identity_generation
FROM information_schema.columns col
JOIN distdb_catalog.user_namespace n ON n.nspname = col.table_schema
JOIN pg_catalog.pg_class t ON t.relname = col.table_name AND t.relnamespace = n.oid AND t.relkind = 'r'
WHERE col.is_identity = 'YES';

-- cache: the engine's default is 32 values, PostgreSQL's 1; a sequence created without CACHE (or
-- a serial column's) shows PostgreSQL's default, one created with CACHE n the engine's n.
CREATE VIEW distdb_catalog.user_sequence AS
SELECT 1073741824 + ORA_HASH(s.sequence_schema || '.' || s.sequence_name, 1073741823) AS oid,
  s.sequence_name AS relname, n.oid AS relnamespace, s.data_type, s.start_value, s.increment,
  s.minimum_value, s.maximum_value, s.cycle_option = 'YES' AS cycle,
  CASE WHEN s.cache = 32 THEN CAST(1 AS BIGINT) ELSE s.cache END AS cache
FROM information_schema.sequences s
JOIN distdb_catalog.user_namespace n ON n.nspname = s.sequence_schema
UNION ALL
SELECT seqoid, seqname, relnamespace, data_type, identity_start, identity_increment,
  identity_minimum, identity_maximum, identity_cycle = 'YES',
  CASE WHEN identity_cache = 32 THEN CAST(1 AS BIGINT) ELSE identity_cache END
FROM distdb_catalog.serial_column;

CREATE VIEW distdb_catalog.pg_class AS
SELECT * FROM (
SELECT c.oid, c.relname, c.relnamespace, 536870912 + 2 * c.oid AS reltype, 0 AS reloftype, -- CatalogViews.ROW_TYPE_BASE
  10 AS relowner,
  CASE c.relkind WHEN 'r' THEN 2 ELSE 0 END AS relam, c.oid AS relfilenode, 0 AS reltablespace,
  0 AS relpages, CAST(-1 AS REAL) AS reltuples, 0 AS relallvisible, 0 AS reltoastrelid,
  EXISTS (SELECT 1 FROM distdb_catalog.user_index i WHERE i.indrelid = c.oid) AS relhasindex,
  FALSE AS relisshared, 'p' AS relpersistence, c.relkind,
  CAST((SELECT COUNT(*) FROM information_schema.columns col WHERE col.table_schema = n.nspname
    AND col.table_name = c.relname) AS SMALLINT) AS relnatts,
  CAST((SELECT COUNT(*) FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c') AS SMALLINT) AS relchecks,
  FALSE AS relhasrules,
  -- Referenced by a foreign key, or holding one (two lookups by table: an OR would scan).
  EXISTS (SELECT 1 FROM information_schema.table_constraints u
    JOIN information_schema.referential_constraints r ON r.unique_constraint_schema = u.constraint_schema
      AND r.unique_constraint_name = u.constraint_name
    WHERE u.table_schema = n.nspname AND u.table_name = c.relname)
  OR EXISTS (SELECT 1 FROM information_schema.table_constraints f
    WHERE f.table_schema = n.nspname AND f.table_name = c.relname AND f.constraint_type = 'FOREIGN KEY')
    AS relhastriggers,
  FALSE AS relhassubclass, FALSE AS relrowsecurity, FALSE AS relforcerowsecurity,
  TRUE AS relispopulated, 'd' AS relreplident, FALSE AS relispartition, 0 AS relrewrite,
  0 AS relfrozenxid, 0 AS relminmxid, CAST(NULL AS VARCHAR ARRAY) AS relacl,
  CAST(NULL AS VARCHAR ARRAY) AS reloptions, CAST(NULL AS VARCHAR) AS relpartbound,
  1259 AS tableoid
FROM pg_catalog.pg_class c JOIN distdb_catalog.user_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v')
UNION ALL
SELECT i.oid, i.relname, i.relnamespace, 0, 0, 10, 403, i.oid, 0, 1, CAST(0 AS REAL), 0, 0,
  FALSE, FALSE, 'p', 'i',
  CAST((SELECT COUNT(*) FROM information_schema.index_columns ic WHERE ic.index_schema = i.table_schema
    AND ic.index_name = i.engine_name) AS SMALLINT),
  CAST(0 AS SMALLINT), FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, 'n', FALSE, 0, 0, 0, NULL, NULL, NULL,
  1259
FROM distdb_catalog.user_index i
UNION ALL
SELECT s.oid, s.relname, s.relnamespace, 0, 0, 10, 0, s.oid, 0, 1, CAST(1 AS REAL), 0, 0,
  FALSE, FALSE, 'p', 'S', CAST(3 AS SMALLINT), CAST(0 AS SMALLINT), FALSE, FALSE, FALSE, FALSE,
  FALSE, TRUE, 'n', FALSE, 0, 0, 0, NULL, NULL, NULL, 1259
FROM distdb_catalog.user_sequence s
UNION ALL
SELECT v.oid, v.relname, n.id, 0, 0, 10, 0, 0, 0, 0, CAST(0 AS REAL), 0, 0, FALSE, FALSE, 'p', 'r',
  CAST(0 AS SMALLINT), CAST(0 AS SMALLINT), FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, 'n', FALSE,
  0, 0, 0, NULL, NULL, NULL, 1259
FROM (VALUES (1259, 'pg_class'), (1247, 'pg_type'), (1249, 'pg_attribute'), (1255, 'pg_proc'),
  (2606, 'pg_constraint'), (2615, 'pg_namespace'), (2610, 'pg_index'), (2604, 'pg_attrdef'),
  (2609, 'pg_description'), (2608, 'pg_depend'), (1262, 'pg_database'), (1260, 'pg_authid'),
  (2601, 'pg_am'), (2224, 'pg_sequence'), (3079, 'pg_extension'), (2611, 'pg_inherits'),
  (3456, 'pg_collation'), (1213, 'pg_tablespace'), (2618, 'pg_rewrite'), (2620, 'pg_trigger'),
  (2612, 'pg_language'), (2605, 'pg_cast'), (2617, 'pg_operator'), (2616, 'pg_opclass'),
  (2753, 'pg_opfamily'), (2602, 'pg_amop'), (2603, 'pg_amproc'), (3256, 'pg_policy'), (1261, 'pg_auth_members'),
  (6104, 'pg_publication'), (1214, 'pg_shdepend'), (3466, 'pg_event_trigger'),
  (2328, 'pg_foreign_data_wrapper'), (1417, 'pg_foreign_server'), (3576, 'pg_transform'),
  (2607, 'pg_conversion'), (826, 'pg_default_acl'), (3381, 'pg_statistic_ext'),
  (2613, 'pg_largeobject'), (2995, 'pg_largeobject_metadata'), (3596, 'pg_seclabel'),
  (3600, 'pg_ts_dict'), (3601, 'pg_ts_parser'), (3602, 'pg_ts_config'), (3764, 'pg_ts_template'),
  (3394, 'pg_init_privs'), (3541, 'pg_range'), (3350, 'pg_partitioned_table'),
  (6106, 'pg_publication_rel'), (6237, 'pg_publication_namespace'), (6100, 'pg_subscription'),
  (3118, 'pg_foreign_table')) AS v(oid, relname)
JOIN pg_catalog.pg_namespace n ON n.nspname = 'pg_catalog'
) AS u;

-- indkey is an INT ARRAY of attribute numbers here, not an int2vector (see dialect/DESIGN.md).
-- indkey and indoption are declared INTEGER ARRAY[32] (max_index_keys), which the session reports
-- as int2vector (22), printed "1 2" as PostgreSQL prints it (Sequelize splits showIndex's indkey).
CREATE VIEW distdb_catalog.pg_index AS
SELECT i.oid AS indexrelid, i.indrelid,
  CAST((SELECT COUNT(*) FROM information_schema.index_columns ic WHERE ic.index_schema = i.table_schema
    AND ic.index_name = i.engine_name) AS SMALLINT) AS indnatts,
  CAST((SELECT COUNT(*) FROM information_schema.index_columns ic WHERE ic.index_schema = i.table_schema
    AND ic.index_name = i.engine_name) AS SMALLINT) AS indnkeyatts,
  i.indisunique, FALSE AS indnullsnotdistinct, i.indisprimary, FALSE AS indisexclusion,
  TRUE AS indimmediate, FALSE AS indisclustered, TRUE AS indisvalid, FALSE AS indcheckxmin,
  TRUE AS indisready, TRUE AS indislive, FALSE AS indisreplident,
  CAST(ARRAY(SELECT col.ordinal_position FROM information_schema.index_columns ic
    JOIN information_schema.columns col ON col.table_schema = ic.table_schema
    AND col.table_name = ic.table_name AND col.column_name = ic.column_name
    WHERE ic.index_schema = i.table_schema AND ic.index_name = i.engine_name
    ORDER BY ic.ordinal_position) AS INTEGER ARRAY[32]) AS indkey,
  CAST(ARRAY(SELECT CASE WHEN ic.ordering_specification = 'DESC' THEN 3 ELSE 0 END
    FROM information_schema.index_columns ic
    WHERE ic.index_schema = i.table_schema AND ic.index_name = i.engine_name
    ORDER BY ic.ordinal_position) AS INTEGER ARRAY[32]) AS indoption,
  CAST(NULL AS VARCHAR) AS indexprs, CAST(NULL AS VARCHAR) AS indpred
FROM distdb_catalog.user_index i;

CREATE VIEW distdb_catalog.pg_am AS
SELECT v.*, 2601 AS tableoid FROM (VALUES (2, 'heap', 'heap_tableam_handler', 't'), (403, 'btree', 'bthandler', 'i'),
  (405, 'hash', 'hashhandler', 'i')) AS v(oid, amname, amhandler, amtype);

-- Sequences' parameters (pg_sequence) and the view PostgreSQL 10 added over them (pg_sequences),
-- whose last_value is the one handed out last: null while the engine's next value is the start.
CREATE VIEW distdb_catalog.pg_sequence AS
SELECT s.oid AS seqrelid, CASE UPPER(s.data_type) WHEN 'INTEGER' THEN 23 WHEN 'SMALLINT' THEN 21 ELSE 20 END AS seqtypid,
  s.start_value AS seqstart, s.increment AS seqincrement, s.maximum_value AS seqmax,
  s.minimum_value AS seqmin, s.cache AS seqcache, s.cycle AS seqcycle
FROM distdb_catalog.user_sequence s;

-- A serial column's sequence depends on its column (deptype 'a'), which is how Django finds it; an
-- identity column's is internal to it (deptype 'i'), which is how pg_dump tells the two apart.
-- A default (pg_attrdef, 2604) depends on the sequence it draws from in turn (deptype 'n'): a
-- serial column's, or a sequence object's NEXT VALUE FOR (dialect.NextvalDefaults), which pg_dump
-- then creates before the table. A view depends on the relations its query names (in PostgreSQL
-- its rewrite rule does): the engine's text of a view names each as "schema"."name", which is how
-- they are found; pg_dump orders views after them.
CREATE VIEW distdb_catalog.pg_depend AS
SELECT 1259 AS classid, s.seqoid AS objid, 0 AS objsubid, 1259 AS refclassid,
  s.attrelid AS refobjid, s.attnum AS refobjsubid,
  CASE s.identity_generation WHEN 'ALWAYS' THEN 'i' ELSE 'a' END AS deptype
FROM distdb_catalog.serial_column s
UNION ALL
SELECT 2604, 1073741824 + ORA_HASH(s.table_schema || '.' || s.table_name || '.' || s.column_name, 1073741823),
  0, 1259, s.seqoid, 0, 'n'
FROM distdb_catalog.serial_column s WHERE s.identity_generation = 'BY DEFAULT'
UNION ALL
SELECT 2604, 1073741824 + ORA_HASH(col.table_schema || '.' || col.table_name || '.' || col.column_name, 1073741823),
  0, 1259, 1073741824 + ORA_HASH(q.sequence_schema || '.' || q.sequence_name, 1073741823), 0, 'n'
FROM information_schema.columns col
JOIN information_schema.sequences q
  ON col.column_default = 'NEXT VALUE FOR "' || q.sequence_schema || '"."' || q.sequence_name || '"'
UNION ALL
SELECT 1259, d.view_oid, 0, 1259, d.table_oid, 0, 'n' FROM (
  -- Views outermost, each relation's OID looked up by its name: H2 would otherwise plan the join
  -- from pg_class's pairs.
  SELECT (SELECT vc.oid FROM pg_catalog.pg_class vc JOIN distdb_catalog.user_namespace vn
      ON vn.oid = vc.relnamespace WHERE vn.nspname = v.table_schema AND vc.relname = v.table_name
      AND vc.relkind = 'v') AS view_oid,
    (SELECT tc.oid FROM pg_catalog.pg_class tc JOIN distdb_catalog.user_namespace tn
      ON tn.oid = tc.relnamespace WHERE tn.nspname = t.table_schema AND tc.relname = t.table_name
      AND tc.relkind IN ('r', 'v')) AS table_oid
  FROM information_schema.views v
  JOIN information_schema.tables t ON POSITION('"' || t.table_schema || '"."' || t.table_name || '"' IN v.view_definition) > 0
) AS d
WHERE d.view_oid IS NOT NULL AND d.table_oid IS NOT NULL AND d.table_oid <> d.view_oid;

CREATE VIEW distdb_catalog.pg_description AS
SELECT n.oid AS objoid, 2615 AS classoid, 0 AS objsubid, 'standard public schema' AS description
FROM distdb_catalog.user_namespace n WHERE n.nspname = 'public'
UNION ALL
SELECT 13716, 3079, 0, 'PL/pgSQL procedural language'
UNION ALL
SELECT c.oid AS objoid, 1259 AS classoid, 0 AS objsubid, t.remarks AS description
FROM information_schema.tables t JOIN distdb_catalog.user_namespace n ON n.nspname = t.table_schema
JOIN pg_catalog.pg_class c ON c.relname = t.table_name AND c.relnamespace = n.oid AND c.relkind IN ('r', 'v')
WHERE t.remarks IS NOT NULL AND t.remarks <> ''
UNION ALL
SELECT c.oid, 1259, col.ordinal_position, col.remarks
FROM information_schema.columns col JOIN distdb_catalog.user_namespace n ON n.nspname = col.table_schema
JOIN pg_catalog.pg_class c ON c.relname = col.table_name AND c.relnamespace = n.oid AND c.relkind IN ('r', 'v')
WHERE col.remarks IS NOT NULL AND col.remarks <> '';

-- No table inherits from another, no extension but plpgsql, one tablespace pair, the default
-- collations: PostgreSQL 15's fixed rows.
CREATE VIEW distdb_catalog.pg_inherits AS
SELECT * FROM (VALUES (0, 0, 0, FALSE)) AS v(inhrelid, inhparent, inhseqno, inhdetachpending) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_extension AS
SELECT 13716 AS oid, 'plpgsql' AS extname, 10 AS extowner, n.id AS extnamespace,
  FALSE AS extrelocatable, '1.0' AS extversion, CAST(NULL AS INT ARRAY) AS extconfig,
  CAST(NULL AS VARCHAR ARRAY) AS extcondition, 3079 AS tableoid
FROM pg_catalog.pg_namespace n WHERE n.nspname = 'pg_catalog';

CREATE VIEW distdb_catalog.pg_tablespace AS
SELECT * FROM (VALUES (1663, 'pg_default', 10, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)),
  (1664, 'pg_global', 10, NULL, NULL)) AS v(oid, spcname, spcowner, spcacl, spcoptions);

CREATE VIEW distdb_catalog.pg_collation AS
SELECT v.oid, v.collname, n.id AS collnamespace, 10 AS collowner, v.collprovider,
  TRUE AS collisdeterministic, -1 AS collencoding, v.collcollate, v.collctype,
  CAST(NULL AS VARCHAR) AS colliculocale, CAST(NULL AS VARCHAR) AS collversion, 3456 AS tableoid
FROM (VALUES (100, 'default', 'd', CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)),
  (950, 'C', 'c', 'C', 'C'), (951, 'POSIX', 'c', 'POSIX', 'POSIX'))
  AS v(oid, collname, collprovider, collcollate, collctype)
JOIN pg_catalog.pg_namespace n ON n.nspname = 'pg_catalog';

-- H2's pg_attribute with unbounded varchar reported as text (as result columns are, see
-- service.JdbcTypes), PostgreSQL's type modifiers (varchar(n): n + 4; numeric(p, s):
-- (p << 16 | s) + 4), attidentity for identity columns generated ALWAYS (BY DEFAULT is serial,
-- whose default is nextval), collation 100 for character types, and the system columns
-- PostgreSQL lists with negative numbers for every table.
-- attname is declared VARCHAR(999999000), which the session reports as PostgreSQL's name (19), and
-- an array of it as name[] (Sequelize's showIndex reads array_agg(attname) as name[]'s text).
CREATE VIEW distdb_catalog.pg_attribute AS
SELECT * FROM (
SELECT a.attrelid, CAST(a.attname AS VARCHAR(999999000)) AS attname,
  CASE WHEN col.data_type = 'character varying' AND col.character_maximum_length >= 1000000000 THEN 25
    WHEN UPPER(col.data_type) = 'UUID' THEN 2950
    WHEN UPPER(col.data_type) = 'INTERVAL' THEN 1186
    WHEN UPPER(col.data_type) = 'ENUM' THEN (SELECT u.oid FROM distdb_catalog.user_enum u
        WHERE u.nspname = col.domain_schema AND u.typname = col.domain_name)
    -- json is JSON(999999999), jsonb JSON (dialect/DESIGN.md); H2 says unknown (705) for both.
    WHEN LOWER(col.data_type) = 'json' THEN
      CASE WHEN col.character_maximum_length = 999999999 THEN 114 ELSE 3802 END
    -- text[] is an array of unbounded varchar, which H2 reports as varchar[] (1015).
    WHEN a.atttypid = 1015 AND (SELECT e.character_maximum_length FROM information_schema.element_types e
        WHERE e.object_schema = col.table_schema AND e.object_name = col.table_name
        AND e.collection_type_identifier = col.dtd_identifier) >= 1000000000 THEN 1009
    ELSE a.atttypid END AS atttypid,
  CASE WHEN UPPER(col.data_type) = 'JSON' THEN -1 WHEN UPPER(col.data_type) = 'ENUM' THEN 4
    ELSE COALESCE((SELECT t.typlen FROM distdb_catalog.pg_type t WHERE t.oid = a.atttypid), -1) END AS attlen,
  a.attnum,
  -- A varchar column declared without a length is VARCHAR(999999990) (dialect.TypeNameRewrite).
  CASE WHEN col.data_type IN ('character varying', 'character') AND col.character_maximum_length < 999999990
      THEN CAST(col.character_maximum_length AS INT) + 4
    WHEN col.declared_numeric_precision IS NOT NULL AND col.data_type IN ('numeric', 'decimal')
      THEN col.declared_numeric_precision * 65536 + COALESCE(col.declared_numeric_scale, 0) + 4
    ELSE a.atttypmod END AS atttypmod,
  0 AS attndims, a.attnotnull, a.attisdropped,
  col.column_default IS NOT NULL OR (col.is_identity = 'YES' AND col.identity_generation = 'BY DEFAULT') AS atthasdef,
  FALSE AS atthasmissing,
  CASE WHEN col.is_identity = 'YES' AND col.identity_generation = 'ALWAYS' THEN 'a' ELSE '' END AS attidentity,
  '' AS attgenerated, TRUE AS attislocal, 0 AS attinhcount, -1 AS attstattarget,
  CASE WHEN col.data_type IN ('character varying', 'character') THEN 100 ELSE 0 END AS attcollation,
  CAST(NULL AS VARCHAR ARRAY) AS attacl, CAST(NULL AS VARCHAR ARRAY) AS attoptions,
  CAST(NULL AS VARCHAR ARRAY) AS attfdwoptions,
  CASE WHEN UPPER(col.data_type) = 'JSON' THEN 'x'
    ELSE COALESCE((SELECT t.typstorage FROM distdb_catalog.pg_type t WHERE t.oid = a.atttypid), 'x') END AS attstorage,
  COALESCE((SELECT t.typalign FROM distdb_catalog.pg_type t WHERE t.oid = a.atttypid), 'i') AS attalign,
  '' AS attcompression, CAST(NULL AS VARCHAR) AS attmissingval
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN distdb_catalog.user_namespace n ON n.oid = c.relnamespace
LEFT JOIN information_schema.columns col ON col.table_schema = n.nspname
  AND col.table_name = c.relname AND col.ordinal_position = a.attnum
UNION ALL
SELECT c.oid, s.attname, s.atttypid, s.attlen, s.attnum, -1, 0, TRUE, FALSE, FALSE, FALSE, '', '',
  TRUE, 0, 0, 0, NULL, NULL, NULL, 'p', 'i', '', NULL
FROM pg_catalog.pg_class c JOIN distdb_catalog.user_namespace n ON n.oid = c.relnamespace
CROSS JOIN (VALUES ('tableoid', 26, 4, -6), ('cmax', 29, 4, -5), ('xmax', 28, 4, -4),
  ('cmin', 29, 4, -3), ('xmin', 28, 4, -2), ('ctid', 27, 6, -1)) AS s(attname, atttypid, attlen, attnum)
WHERE c.relkind = 'r'
) AS u;

-- Column defaults as text, which pg_get_expr returns as is: a serial column's is nextval of the
-- sequence PostgreSQL would have made, a sequence object's NEXT VALUE FOR is nextval of it;
-- booleans are spelled as PostgreSQL prints them; now(), which the engine keeps as LOCALTIMESTAMP,
-- as now(); RANDOM_UUID(4) and RANDOM_UUID() as gen_random_uuid() and uuid_generate_v4(), which
-- the dialect wrote them for; an enum label with its type. A quoted literal (knex writes DEFAULT '0') is shown as PostgreSQL deparses the
-- constant it became: bare for booleans, non-negative integers and numerics with a decimal point,
-- else with its type ('0'::bigint, 'x'::text, 'x'::character varying); a json(b) literal, which
-- the engine keeps as JSON '...', as '...'::jsonb.
CREATE VIEW distdb_catalog.pg_attrdef AS
SELECT 1073741824 + ORA_HASH(col.table_schema || '.' || col.table_name || '.' || col.column_name, 1073741823) AS oid,
  c.oid AS adrelid, col.ordinal_position AS adnum,
  CASE WHEN col.is_identity = 'YES' THEN 'nextval(''' || col.table_name || '_' || col.column_name || '_seq''::regclass)'
    WHEN col.column_default LIKE 'NEXT VALUE FOR %' THEN 'nextval('''
      || REPLACE(REPLACE(SUBSTRING(col.column_default FROM 16), '"public".', ''), '"', '') || '''::regclass)'
    WHEN col.column_default LIKE '''%''' AND LOWER(col.data_type) = 'character varying' THEN
      col.column_default || CASE WHEN col.character_maximum_length >= 1000000000 THEN '::text' ELSE '::character varying' END
    WHEN col.column_default = 'TRUE' THEN 'true' WHEN col.column_default = 'FALSE' THEN 'false'
    WHEN col.column_default = 'LOCALTIMESTAMP' THEN 'now()'
    WHEN col.column_default = 'RANDOM_UUID(4)' THEN 'gen_random_uuid()'
    WHEN col.column_default = 'RANDOM_UUID()' THEN 'uuid_generate_v4()'
    WHEN UPPER(col.data_type) = 'ENUM' AND col.column_default LIKE '''%''' THEN col.column_default || '::'
      || CASE WHEN REGEXP_LIKE(col.domain_name, '^[a-z_][a-z0-9_]*$') THEN col.domain_name
        ELSE '"' || REPLACE(col.domain_name, '"', '""') || '"' END
    WHEN UPPER(col.data_type) = 'JSON' AND col.column_default LIKE 'JSON ''%'
      THEN SUBSTRING(col.column_default, 6)
        || CASE WHEN col.character_maximum_length = 999999999 THEN '::json' ELSE '::jsonb' END
    WHEN col.column_default LIKE '''%''' AND CHAR_LENGTH(col.column_default) >= 2 THEN
      CASE WHEN UPPER(col.data_type) = 'BOOLEAN' THEN
          CASE WHEN LOWER(TRIM(SUBSTRING(col.column_default, 2, CHAR_LENGTH(col.column_default) - 2)))
            IN ('1', 't', 'true', 'y', 'yes', 'on') THEN 'true' ELSE 'false' END
        WHEN UPPER(col.data_type) = 'INTEGER'
          AND REGEXP_LIKE(SUBSTRING(col.column_default, 2, CHAR_LENGTH(col.column_default) - 2), '^[0-9]+$')
          THEN SUBSTRING(col.column_default, 2, CHAR_LENGTH(col.column_default) - 2)
        WHEN UPPER(col.data_type) IN ('NUMERIC', 'DECFLOAT')
          AND REGEXP_LIKE(SUBSTRING(col.column_default, 2, CHAR_LENGTH(col.column_default) - 2), '^[0-9]*[.][0-9]*$')
          THEN SUBSTRING(col.column_default, 2, CHAR_LENGTH(col.column_default) - 2)
        WHEN UPPER(col.data_type) = 'INTEGER' THEN col.column_default || '::integer'
        WHEN UPPER(col.data_type) = 'BIGINT' THEN col.column_default || '::bigint'
        WHEN UPPER(col.data_type) = 'SMALLINT' THEN col.column_default || '::smallint'
        WHEN UPPER(col.data_type) IN ('NUMERIC', 'DECFLOAT') THEN col.column_default || '::numeric'
        WHEN UPPER(col.data_type) = 'DOUBLE PRECISION' THEN col.column_default || '::double precision'
        WHEN UPPER(col.data_type) = 'REAL' THEN col.column_default || '::real'
        WHEN UPPER(col.data_type) = 'CHARACTER VARYING' AND col.character_maximum_length = 1000000000
          THEN col.column_default || '::text'
        WHEN UPPER(col.data_type) = 'CHARACTER VARYING' THEN col.column_default || '::character varying'
        WHEN UPPER(col.data_type) = 'UUID' THEN col.column_default || '::uuid'
        WHEN UPPER(col.data_type) = 'DATE' THEN col.column_default || '::date'
        ELSE col.column_default END
    ELSE col.column_default END AS adbin, 2604 AS tableoid
FROM information_schema.columns col
JOIN distdb_catalog.user_namespace n ON n.nspname = col.table_schema
JOIN pg_catalog.pg_class c ON c.relname = col.table_name AND c.relnamespace = n.oid AND c.relkind IN ('r', 'v')
WHERE col.column_default IS NOT NULL OR (col.is_identity = 'YES' AND col.identity_generation = 'BY DEFAULT');

-- Positions 1..32 (PostgreSQL's max_index_keys), which CatalogRewrite joins in place of unnest() of
-- a catalog array: H2 cannot unnest a column of another table in the same FROM.
CREATE VIEW distdb_catalog.array_position AS SELECT * FROM (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),(16),(17),(18),(19),(20),(21),(22),(23),(24),(25),(26),(27),(28),(29),(30),(31),(32)) AS v(n);

-- The labels of the user's enum types (domains over the engine's ENUM, see user_enum), in their
-- order; a label's OID is 2^30 + a hash of type and label. enumlabel is a name (see pg_attribute):
-- Sequelize reads array_agg(enumlabel) as name[]'s text.
CREATE VIEW distdb_catalog.pg_enum AS
SELECT CAST(1073741824 + ORA_HASH('label ' || e.object_schema || '.' || e.object_name || '.' || e.value_name, 1073741823) AS INT) AS oid,
  u.oid AS enumtypid, CAST(e.value_ordinal AS REAL) AS enumsortorder,
  CAST(e.value_name AS VARCHAR(999999000)) AS enumlabel
FROM information_schema.enum_values e
JOIN distdb_catalog.user_enum u ON u.nspname = e.object_schema AND u.typname = e.object_name
WHERE e.object_type = 'DOMAIN';

-- No triggers: clients cannot create any, and distdb's row-capture triggers (distdb_capture_*),
-- which H2's own pg_trigger lists, are not the client's business.
CREATE VIEW distdb_catalog.pg_trigger AS
SELECT v.*, 2620 AS tableoid FROM (VALUES (0, 0, 0, '', 0, CAST(0 AS SMALLINT), 'O', FALSE, 0, 0, 0, FALSE, FALSE,
  CAST(0 AS SMALLINT))) AS v(oid, tgrelid, tgparentid, tgname, tgfoid, tgtype, tgenabled,
  tgisinternal, tgconstrrelid, tgconstrindid, tgconstraint, tgdeferrable, tginitdeferred, tgnargs)
WHERE FALSE;

-- PostgreSQL's convenience views over the catalog (its system_views.sql), for user relations.
-- hastriggers: PostgreSQL implements a foreign key with triggers on both of its tables.
-- A view's definition is PostgreSQL's text where distdb recorded it (DumpFunctions), else the
-- engine's. FORCE: they call the catalog functions (CatalogFunctions), which are installed after
-- the views.
CREATE FORCE VIEW distdb_catalog.pg_tables AS
SELECT n.nspname AS schemaname, c.relname AS tablename, distdb_catalog.d_pg_get_userbyid(c.relowner) AS tableowner,
  CAST(NULL AS VARCHAR) AS tablespace, c.relhasindex AS hasindexes, c.relhasrules AS hasrules,
  EXISTS (SELECT 1 FROM distdb_catalog.pg_constraint k WHERE k.contype = 'f'
    AND c.oid IN (k.conrelid, k.confrelid)) AS hastriggers,
  c.relrowsecurity AS rowsecurity
FROM distdb_catalog.pg_class c JOIN distdb_catalog.user_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p');

CREATE FORCE VIEW distdb_catalog.pg_views AS
SELECT n.nspname AS schemaname, c.relname AS viewname, distdb_catalog.d_pg_get_userbyid(c.relowner) AS viewowner,
  distdb_catalog.d_pg_get_viewdef(c.oid) AS definition
FROM distdb_catalog.pg_class c JOIN distdb_catalog.user_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'v';

-- No materialized views: distdb has none (CREATE MATERIALIZED VIEW is the engine's error).
CREATE VIEW distdb_catalog.pg_matviews AS
SELECT * FROM (VALUES ('', '', '', CAST(NULL AS VARCHAR), FALSE, FALSE, ''))
  AS v(schemaname, matviewname, matviewowner, tablespace, hasindexes, ispopulated, definition) WHERE FALSE;

CREATE FORCE VIEW distdb_catalog.pg_indexes AS
SELECT n.nspname AS schemaname, t.relname AS tablename, c.relname AS indexname,
  CAST(NULL AS VARCHAR) AS tablespace, distdb_catalog.d_pg_get_indexdef(c.oid) AS indexdef
FROM distdb_catalog.pg_index x
JOIN distdb_catalog.pg_class c ON c.oid = x.indexrelid
JOIN distdb_catalog.pg_class t ON t.oid = x.indrelid
JOIN distdb_catalog.user_namespace n ON n.oid = c.relnamespace
WHERE t.relkind IN ('r', 'm', 'p') AND c.relkind IN ('i', 'I');

CREATE FORCE VIEW distdb_catalog.pg_sequences AS
SELECT n.nspname AS schemaname, c.relname AS sequencename,
  distdb_catalog.d_pg_get_userbyid(c.relowner) AS sequenceowner, distdb_catalog.d_format_type(s.seqtypid, NULL) AS data_type,
  s.seqstart AS start_value, s.seqmin AS min_value, s.seqmax AS max_value,
  s.seqincrement AS increment_by, s.seqcycle AS cycle, s.seqcache AS cache_size,
  CASE WHEN COALESCE(o.base_value, i.identity_base) <> s.seqstart
    THEN COALESCE(o.base_value, i.identity_base) - s.seqincrement END AS last_value
FROM distdb_catalog.pg_sequence s
JOIN distdb_catalog.pg_class c ON c.oid = s.seqrelid
JOIN distdb_catalog.user_namespace n ON n.oid = c.relnamespace
LEFT JOIN information_schema.sequences o ON o.sequence_schema = n.nspname AND o.sequence_name = c.relname
LEFT JOIN distdb_catalog.serial_column sc ON sc.seqoid = c.oid
LEFT JOIN information_schema.columns i ON i.table_schema = sc.table_schema
  AND i.table_name = sc.table_name AND i.column_name = sc.column_name;

-- ===== information_schema (PostgreSQL 15's shapes) =====
-- CatalogRewrite maps a client's information_schema.tables / .columns onto these views; H2's own
-- INFORMATION_SCHEMA (other shapes, which distdb's code reads) stays as it is. Built on the views
-- above, so names, types, typmods and defaults are those pg_catalog shows. Only user schemas are
-- listed (PostgreSQL also lists its catalogs' own relations).
CREATE VIEW distdb_catalog.information_schema_tables AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS table_catalog, n.nspname AS table_schema,
  c.relname AS table_name, CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'BASE TABLE' END AS table_type,
  CAST(NULL AS VARCHAR) AS self_referencing_column_name, CAST(NULL AS VARCHAR) AS reference_generation,
  CAST(NULL AS VARCHAR) AS user_defined_type_catalog, CAST(NULL AS VARCHAR) AS user_defined_type_schema,
  CAST(NULL AS VARCHAR) AS user_defined_type_name,
  CASE c.relkind WHEN 'r' THEN 'YES' ELSE 'NO' END AS is_insertable_into, 'NO' AS is_typed,
  CAST(NULL AS VARCHAR) AS commit_action
FROM distdb_catalog.pg_class c JOIN distdb_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v') AND n.nspname NOT IN ('pg_catalog', 'information_schema');

CREATE VIEW distdb_catalog.information_schema_columns AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS table_catalog, n.nspname AS table_schema,
  c.relname AS table_name, a.attname AS column_name, CAST(a.attnum AS INT) AS ordinal_position,
  d.adbin AS column_default, CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,
  CASE t.typname WHEN 'int2' THEN 'smallint' WHEN 'int4' THEN 'integer' WHEN 'int8' THEN 'bigint'
    WHEN 'varchar' THEN 'character varying' WHEN 'bpchar' THEN 'character' WHEN 'bool' THEN 'boolean'
    WHEN 'float4' THEN 'real' WHEN 'float8' THEN 'double precision'
    WHEN 'timestamp' THEN 'timestamp without time zone' WHEN 'timestamptz' THEN 'timestamp with time zone'
    WHEN 'time' THEN 'time without time zone' WHEN 'timetz' THEN 'time with time zone'
    ELSE CASE WHEN t.typcategory = 'A' THEN 'ARRAY' WHEN t.typtype = 'e' THEN 'USER-DEFINED'
      ELSE t.typname END END AS data_type,
  CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 0 THEN a.atttypmod - 4 END AS character_maximum_length,
  CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 0 THEN (a.atttypmod - 4) * 4
    WHEN t.typname IN ('varchar', 'bpchar', 'text') THEN 1073741824 END AS character_octet_length,
  CASE t.typname WHEN 'int2' THEN 16 WHEN 'int4' THEN 32 WHEN 'int8' THEN 64 WHEN 'float4' THEN 24
    WHEN 'float8' THEN 53 WHEN 'numeric' THEN CASE WHEN a.atttypmod > 0 THEN BITAND(RSHIFT(a.atttypmod - 4, 16), 65535) END
    END AS numeric_precision,
  CASE WHEN t.typname IN ('int2', 'int4', 'int8', 'float4', 'float8') THEN 2 WHEN t.typname = 'numeric' THEN 10 END AS numeric_precision_radix,
  CASE WHEN t.typname IN ('int2', 'int4', 'int8') THEN 0
    WHEN t.typname = 'numeric' AND a.atttypmod > 0 THEN BITAND(a.atttypmod - 4, 65535) END AS numeric_scale,
  CASE WHEN t.typname = 'date' THEN 0 WHEN t.typname IN ('timestamp', 'timestamptz', 'time', 'timetz', 'interval')
    THEN CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE 6 END END AS datetime_precision,
  CAST(NULL AS VARCHAR) AS interval_type, CAST(NULL AS INT) AS interval_precision,
  CAST(NULL AS VARCHAR) AS character_set_catalog, CAST(NULL AS VARCHAR) AS character_set_schema,
  CAST(NULL AS VARCHAR) AS character_set_name, CAST(NULL AS VARCHAR) AS collation_catalog,
  CAST(NULL AS VARCHAR) AS collation_schema, CAST(NULL AS VARCHAR) AS collation_name,
  CAST(NULL AS VARCHAR) AS domain_catalog, CAST(NULL AS VARCHAR) AS domain_schema,
  CAST(NULL AS VARCHAR) AS domain_name,
  (SELECT datname FROM distdb_catalog.current_database) AS udt_catalog,
  CASE WHEN t.typtype = 'e' THEN (SELECT tn.nspname FROM distdb_catalog.user_enum tn WHERE tn.oid = t.oid)
    ELSE 'pg_catalog' END AS udt_schema,
  t.typname AS udt_name, CAST(NULL AS VARCHAR) AS scope_catalog, CAST(NULL AS VARCHAR) AS scope_schema,
  CAST(NULL AS VARCHAR) AS scope_name, CAST(NULL AS INT) AS maximum_cardinality,
  CAST(a.attnum AS VARCHAR) AS dtd_identifier, 'NO' AS is_self_referencing,
  CASE WHEN a.attidentity = '' THEN 'NO' ELSE 'YES' END AS is_identity,
  CASE WHEN a.attidentity = 'a' THEN 'ALWAYS' END AS identity_generation,
  CAST(NULL AS VARCHAR) AS identity_start, CAST(NULL AS VARCHAR) AS identity_increment,
  CAST(NULL AS VARCHAR) AS identity_maximum, CAST(NULL AS VARCHAR) AS identity_minimum,
  CASE WHEN a.attidentity = '' THEN 'NO' ELSE 'NO' END AS identity_cycle, 'NEVER' AS is_generated,
  CAST(NULL AS VARCHAR) AS generation_expression,
  CASE c.relkind WHEN 'r' THEN 'YES' ELSE 'NO' END AS is_updatable
FROM distdb_catalog.pg_attribute a
JOIN distdb_catalog.pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'v')
JOIN distdb_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN distdb_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN distdb_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname NOT IN ('pg_catalog', 'information_schema');

-- Primary, unique, foreign and check constraints under the names distdb's pg_constraint shows.
-- PostgreSQL also lists each NOT NULL as a CHECK named <namespace oid>_<table oid>_<n>_not_null;
-- distdb does not.
CREATE VIEW distdb_catalog.information_schema_table_constraints AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS constraint_catalog,
  n.nspname AS constraint_schema, con.conname AS constraint_name,
  (SELECT datname FROM distdb_catalog.current_database) AS table_catalog, n.nspname AS table_schema,
  c.relname AS table_name,
  CASE con.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'f' THEN 'FOREIGN KEY' WHEN 'u' THEN 'UNIQUE'
    ELSE 'CHECK' END AS constraint_type,
  'NO' AS is_deferrable, 'NO' AS initially_deferred, 'YES' AS enforced,
  CASE WHEN con.contype = 'u' THEN 'YES' END AS nulls_distinct
FROM distdb_catalog.pg_constraint con
JOIN distdb_catalog.pg_class c ON c.oid = con.conrelid
JOIN distdb_catalog.user_namespace n ON n.oid = con.connamespace;

CREATE VIEW distdb_catalog.information_schema_key_column_usage AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS constraint_catalog,
  k.constraint_schema, con.conname AS constraint_name,
  (SELECT datname FROM distdb_catalog.current_database) AS table_catalog, k.table_schema,
  k.table_name, k.column_name, k.ordinal_position, k.position_in_unique_constraint
FROM information_schema.key_column_usage k
JOIN distdb_catalog.user_namespace n ON n.nspname = k.constraint_schema
JOIN distdb_catalog.pg_constraint con ON con.connamespace = n.oid AND con.engine_name = k.constraint_name;

-- ===== Roles, databases, sessions, statistics (catalog version 2) =====
-- The node has one user, who owns everything (OID 10, as PostgreSQL's bootstrap superuser), with
-- the attributes psql's \du shows for it (service.catalog.RoleList). Its name and the node's
-- databases are not in the engine: the client's session sets them as session variables
-- (@distdb_user at its start, @distdb_databases and @distdb_query before a statement that reads
-- these views, service.LocalSession), so master and slaves answer alike. H2's own pg_user lists
-- the engine's users, which are never shown. No password is ever shown: pg_authid's rolpassword
-- is null, pg_roles' is PostgreSQL's constant mask.
CREATE VIEW distdb_catalog.pg_authid AS
SELECT 10 AS oid, CAST(@distdb_user AS VARCHAR) AS rolname, TRUE AS rolsuper, TRUE AS rolinherit,
  FALSE AS rolcreaterole, FALSE AS rolcreatedb, TRUE AS rolcanlogin, FALSE AS rolreplication,
  FALSE AS rolbypassrls, -1 AS rolconnlimit, CAST(NULL AS VARCHAR) AS rolpassword,
  CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS rolvaliduntil
UNION ALL
-- The predefined role that owns the public schema in PostgreSQL 15 (pg_dump looks it up).
SELECT 6171, 'pg_database_owner', FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, -1,
  CAST(NULL AS VARCHAR), CAST(NULL AS TIMESTAMP WITH TIME ZONE);

CREATE VIEW distdb_catalog.pg_roles AS
SELECT a.rolname, a.rolsuper, a.rolinherit, a.rolcreaterole, a.rolcreatedb, a.rolcanlogin,
  a.rolreplication, a.rolconnlimit, '********' AS rolpassword, a.rolvaliduntil, a.rolbypassrls,
  CAST(NULL AS VARCHAR ARRAY) AS rolconfig, a.oid
FROM distdb_catalog.pg_authid a;

CREATE VIEW distdb_catalog.pg_user AS
SELECT a.rolname AS usename, a.oid AS usesysid, a.rolcreatedb AS usecreatedb, a.rolsuper AS usesuper,
  a.rolreplication AS userepl, a.rolbypassrls AS usebypassrls, '********' AS passwd,
  a.rolvaliduntil AS valuntil, CAST(NULL AS VARCHAR ARRAY) AS useconfig
FROM distdb_catalog.pg_authid a WHERE a.rolcanlogin;

-- The node's databases and PostgreSQL's two templates (listed as \l lists them; distdb has no
-- templates and refuses connections to them). OIDs: PostgreSQL's for template1 (1), template0 (4)
-- and postgres (5); 2^30 + a hash of the name for the others, equal on every replica. Encoding
-- UTF8 (6), C collation, owned by the node's user.
CREATE VIEW distdb_catalog.pg_database AS
SELECT CASE d.datname WHEN 'template1' THEN 1 WHEN 'template0' THEN 4 WHEN 'postgres' THEN 5
    ELSE 1073741824 + ORA_HASH(d.datname, 1073741823) END AS oid,
  d.datname, 10 AS datdba, 6 AS encoding, 'c' AS datlocprovider,
  d.datname IN ('template0', 'template1') AS datistemplate,
  d.datname NOT IN ('template0', 'template1') AS datallowconn, -1 AS datconnlimit,
  0 AS datfrozenxid, 1 AS datminmxid, 1663 AS dattablespace, 'C' AS datcollate, 'C' AS datctype,
  CAST(NULL AS VARCHAR) AS daticulocale, CAST(NULL AS VARCHAR) AS datcollversion,
  CASE WHEN d.datname IN ('template0', 'template1') THEN ARRAY['=c/' || CAST(@distdb_user AS VARCHAR),
    CAST(@distdb_user AS VARCHAR) || '=CTc/' || CAST(@distdb_user AS VARCHAR)] END AS datacl
FROM (SELECT x AS datname FROM UNNEST(COALESCE(CAST(@distdb_databases AS VARCHAR ARRAY),
    ARRAY[(SELECT datname FROM distdb_catalog.current_database)])) AS u(x)
  UNION SELECT 'template0' UNION SELECT 'template1') AS d;

-- The session asking, and only it: the engine sees no other client's session. pid is the process
-- id the wire protocol's BackendKeyData gave the session, which pg_backend_pid() answers too;
-- query is the client's text of the statement running.
CREATE VIEW distdb_catalog.pg_stat_activity AS
SELECT d.oid AS datid, d.datname, CAST(@distdb_backend_pid AS INT) AS pid, CAST(NULL AS INT) AS leader_pid,
  10 AS usesysid, CAST(@distdb_user AS VARCHAR) AS usename,
  COALESCE(CAST(@distdb_application_name AS VARCHAR), '') AS application_name,
  CAST(NULL AS VARCHAR) AS client_addr, CAST(NULL AS VARCHAR) AS client_hostname,
  CAST(NULL AS INT) AS client_port, s.session_start AS backend_start,
  CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS xact_start, s.executing_statement_start AS query_start,
  s.executing_statement_start AS state_change, CAST(NULL AS VARCHAR) AS wait_event_type,
  CAST(NULL AS VARCHAR) AS wait_event, 'active' AS state, CAST(NULL AS BIGINT) AS backend_xid,
  CAST(NULL AS BIGINT) AS backend_xmin, CAST(NULL AS BIGINT) AS query_id,
  COALESCE(CAST(@distdb_query AS VARCHAR), '') AS query, 'client backend' AS backend_type
FROM information_schema.sessions s
JOIN distdb_catalog.pg_database d ON d.datname = (SELECT datname FROM distdb_catalog.current_database)
WHERE s.session_id = SESSION_ID();

-- Statistics distdb does not collect are 0 (never null where PostgreSQL counts); n_live_tup is the
-- engine's row count of the table. Only user tables are listed, in pg_stat_all_tables too.
CREATE VIEW distdb_catalog.pg_stat_all_tables AS
SELECT c.oid AS relid, n.nspname AS schemaname, c.relname, CAST(0 AS BIGINT) AS seq_scan,
  CAST(0 AS BIGINT) AS seq_tup_read,
  CASE WHEN c.relhasindex THEN CAST(0 AS BIGINT) END AS idx_scan,
  CASE WHEN c.relhasindex THEN CAST(0 AS BIGINT) END AS idx_tup_fetch,
  CAST(0 AS BIGINT) AS n_tup_ins, CAST(0 AS BIGINT) AS n_tup_upd, CAST(0 AS BIGINT) AS n_tup_del,
  CAST(0 AS BIGINT) AS n_tup_hot_upd, CAST(COALESCE(t.row_count_estimate, 0) AS BIGINT) AS n_live_tup,
  CAST(0 AS BIGINT) AS n_dead_tup, CAST(0 AS BIGINT) AS n_mod_since_analyze,
  CAST(0 AS BIGINT) AS n_ins_since_vacuum, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS last_vacuum,
  CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS last_autovacuum,
  CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS last_analyze,
  CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS last_autoanalyze, CAST(0 AS BIGINT) AS vacuum_count,
  CAST(0 AS BIGINT) AS autovacuum_count, CAST(0 AS BIGINT) AS analyze_count,
  CAST(0 AS BIGINT) AS autoanalyze_count
FROM distdb_catalog.pg_class c JOIN distdb_catalog.user_namespace n ON n.oid = c.relnamespace
LEFT JOIN information_schema.tables t ON t.table_schema = n.nspname AND t.table_name = c.relname
WHERE c.relkind = 'r';

CREATE VIEW distdb_catalog.pg_stat_user_tables AS
SELECT * FROM distdb_catalog.pg_stat_all_tables;

-- Block I/O counters (Sequelize's describeTable joins it to pg_description for column comments):
-- 0, the index ones null for a table without indexes, the TOAST ones null (distdb has no TOAST).
CREATE VIEW distdb_catalog.pg_statio_all_tables AS
SELECT s.relid, s.schemaname, s.relname, CAST(0 AS BIGINT) AS heap_blks_read,
  CAST(0 AS BIGINT) AS heap_blks_hit, s.idx_scan AS idx_blks_read, s.idx_scan AS idx_blks_hit,
  CAST(NULL AS BIGINT) AS toast_blks_read, CAST(NULL AS BIGINT) AS toast_blks_hit,
  CAST(NULL AS BIGINT) AS tidx_blks_read, CAST(NULL AS BIGINT) AS tidx_blks_hit
FROM distdb_catalog.pg_stat_all_tables s;

CREATE VIEW distdb_catalog.pg_statio_user_tables AS
SELECT * FROM distdb_catalog.pg_statio_all_tables;

-- One row per database, as PostgreSQL also gives one (datid 0) for shared objects; nothing is
-- counted: numbackends is unknown across the node's sessions and shown as 0.
CREATE VIEW distdb_catalog.pg_stat_database AS
SELECT d.oid AS datid, d.datname, 0 AS numbackends, CAST(0 AS BIGINT) AS xact_commit,
  CAST(0 AS BIGINT) AS xact_rollback, CAST(0 AS BIGINT) AS blks_read, CAST(0 AS BIGINT) AS blks_hit,
  CAST(0 AS BIGINT) AS tup_returned, CAST(0 AS BIGINT) AS tup_fetched,
  CAST(0 AS BIGINT) AS tup_inserted, CAST(0 AS BIGINT) AS tup_updated,
  CAST(0 AS BIGINT) AS tup_deleted, CAST(0 AS BIGINT) AS conflicts, CAST(0 AS BIGINT) AS temp_files,
  CAST(0 AS BIGINT) AS temp_bytes, CAST(0 AS BIGINT) AS deadlocks,
  CAST(NULL AS BIGINT) AS checksum_failures, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS checksum_last_failure,
  CAST(0 AS DOUBLE PRECISION) AS blk_read_time, CAST(0 AS DOUBLE PRECISION) AS blk_write_time,
  CAST(0 AS DOUBLE PRECISION) AS session_time, CAST(0 AS DOUBLE PRECISION) AS active_time,
  CAST(0 AS DOUBLE PRECISION) AS idle_in_transaction_time, CAST(0 AS BIGINT) AS sessions,
  CAST(0 AS BIGINT) AS sessions_abandoned, CAST(0 AS BIGINT) AS sessions_fatal,
  CAST(0 AS BIGINT) AS sessions_killed, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS stats_reset
FROM distdb_catalog.pg_database d;

-- No locks are shown: the engine's locks are not PostgreSQL's, and a client cannot act on them.
CREATE VIEW distdb_catalog.pg_locks AS
SELECT * FROM (VALUES (CAST('' AS VARCHAR), 0, 0, 0, CAST(0 AS SMALLINT), CAST('' AS VARCHAR),
  CAST(0 AS BIGINT), 0, 0, CAST(0 AS SMALLINT), CAST('' AS VARCHAR), 0, CAST('' AS VARCHAR), FALSE,
  FALSE, CAST(NULL AS TIMESTAMP WITH TIME ZONE))) AS v(locktype, database, relation, page, tuple,
  virtualxid, transactionid, classid, objid, objsubid, virtualtransaction, pid, mode, granted,
  fastpath, waitstart)
WHERE FALSE;

-- ===== information_schema, continued (catalog version 2) =====
CREATE VIEW distdb_catalog.information_schema_referential_constraints AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS constraint_catalog,
  r.constraint_schema, con.conname AS constraint_name,
  (SELECT datname FROM distdb_catalog.current_database) AS unique_constraint_catalog,
  r.unique_constraint_schema, uc.conname AS unique_constraint_name, 'NONE' AS match_option,
  r.update_rule, r.delete_rule
FROM information_schema.referential_constraints r
JOIN distdb_catalog.user_namespace n ON n.nspname = r.constraint_schema
JOIN distdb_catalog.pg_constraint con ON con.connamespace = n.oid AND con.engine_name = r.constraint_name
JOIN distdb_catalog.user_namespace un ON un.nspname = r.unique_constraint_schema
JOIN distdb_catalog.pg_constraint uc ON uc.connamespace = un.oid AND uc.engine_name = r.unique_constraint_name;

-- Sequences, those serial columns draw from included, with PostgreSQL's text values.
CREATE VIEW distdb_catalog.information_schema_sequences AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS sequence_catalog,
  n.nspname AS sequence_schema, s.relname AS sequence_name,
  CASE UPPER(s.data_type) WHEN 'INTEGER' THEN 'integer' WHEN 'SMALLINT' THEN 'smallint' ELSE 'bigint' END AS data_type,
  CASE UPPER(s.data_type) WHEN 'INTEGER' THEN 32 WHEN 'SMALLINT' THEN 16 ELSE 64 END AS numeric_precision,
  2 AS numeric_precision_radix, 0 AS numeric_scale, CAST(s.start_value AS VARCHAR) AS start_value,
  CAST(s.minimum_value AS VARCHAR) AS minimum_value, CAST(s.maximum_value AS VARCHAR) AS maximum_value,
  CAST(s.increment AS VARCHAR) AS increment, CASE WHEN s.cycle THEN 'YES' ELSE 'NO' END AS cycle_option
FROM distdb_catalog.user_sequence s JOIN distdb_catalog.user_namespace n ON n.oid = s.relnamespace;

-- A view's definition is the engine's text of it (see pg_views); the engine updates no view.
CREATE FORCE VIEW distdb_catalog.information_schema_views AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS table_catalog, v.schemaname AS table_schema,
  v.viewname AS table_name, v.definition AS view_definition, 'NONE' AS check_option,
  'NO' AS is_updatable, 'NO' AS is_insertable_into, 'NO' AS is_trigger_updatable,
  'NO' AS is_trigger_deletable, 'NO' AS is_trigger_insertable_into
FROM distdb_catalog.pg_views v;

-- User schemas and PostgreSQL's two visible catalogs; distdb's own are never listed. public is
-- owned by pg_database_owner, as in PostgreSQL 15.
CREATE VIEW distdb_catalog.information_schema_schemata AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS catalog_name, n.nspname AS schema_name,
  CASE WHEN n.nspname = 'public' THEN 'pg_database_owner' ELSE CAST(@distdb_user AS VARCHAR) END AS schema_owner,
  CAST(NULL AS VARCHAR) AS default_character_set_catalog, CAST(NULL AS VARCHAR) AS default_character_set_schema,
  CAST(NULL AS VARCHAR) AS default_character_set_name, CAST(NULL AS VARCHAR) AS sql_path
FROM distdb_catalog.pg_namespace n;

-- The columns a constraint uses: its own for primary, unique and check constraints, the referenced
-- ones for a foreign key (as PostgreSQL lists them).
CREATE VIEW distdb_catalog.information_schema_constraint_column_usage AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS table_catalog, n.nspname AS table_schema,
  c.relname AS table_name, a.attname AS column_name,
  (SELECT datname FROM distdb_catalog.current_database) AS constraint_catalog,
  n.nspname AS constraint_schema, con.conname AS constraint_name
FROM distdb_catalog.pg_constraint con
JOIN distdb_catalog.user_namespace n ON n.oid = con.connamespace
JOIN distdb_catalog.pg_class c ON c.oid = CASE WHEN con.contype = 'f' THEN con.confrelid ELSE con.conrelid END
JOIN distdb_catalog.pg_attribute a ON a.attrelid = c.oid
  AND ARRAY_CONTAINS(CASE WHEN con.contype = 'f' THEN con.confkey ELSE con.conkey END, a.attnum)
WHERE con.contype IN ('p', 'u', 'f', 'c');

-- Check constraints as the engine holds their condition; PostgreSQL also lists each NOT NULL as a
-- check constraint named after OIDs, which distdb does not.
CREATE VIEW distdb_catalog.information_schema_check_constraints AS
SELECT (SELECT datname FROM distdb_catalog.current_database) AS constraint_catalog,
  k.constraint_schema, con.conname AS constraint_name, k.check_clause
FROM information_schema.check_constraints k
JOIN distdb_catalog.user_namespace n ON n.nspname = k.constraint_schema
JOIN distdb_catalog.pg_constraint con ON con.connamespace = n.oid AND con.engine_name = k.constraint_name;

-- ===== What pg_dump reads (catalog version 3) =====
-- Every catalog relation pg_dump 15 selects from, with the columns it selects and tableoid (the
-- catalog's own OID, which it keys objects by). Those of objects distdb cannot have (operators,
-- casts, text search, foreign data, publications, policies, rules, large objects, security
-- labels, default privileges, event triggers, ...) are empty: PostgreSQL's built-in rows of them
-- live in pg_catalog, which pg_dump never dumps.
-- Languages: PostgreSQL 15's four; plpgsql is not dumped (its OID is below 16384).
CREATE VIEW distdb_catalog.pg_language AS
SELECT v.oid, v.lanname, 10 AS lanowner, v.lanispl, v.lanpltrusted, 0 AS lanplcallfoid,
  0 AS laninline, 0 AS lanvalidator, CAST(NULL AS VARCHAR ARRAY) AS lanacl, 2612 AS tableoid
FROM (VALUES (12, 'internal', FALSE, FALSE), (13, 'c', FALSE, FALSE), (14, 'sql', FALSE, TRUE),
  (13715, 'plpgsql', TRUE, TRUE)) AS v(oid, lanname, lanispl, lanpltrusted);

CREATE VIEW distdb_catalog.pg_operator AS
SELECT * FROM (VALUES (0, '', 0, 0, 'b', 0, 0, '', 2617)) AS v(oid, oprname, oprnamespace,
  oprowner, oprkind, oprleft, oprright, oprcode, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_opclass AS
SELECT * FROM (VALUES (0, 0, '', 0, 0, 2616)) AS v(oid, opcmethod, opcname, opcnamespace,
  opcowner, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_opfamily AS
SELECT * FROM (VALUES (0, 0, '', 0, 0, 2753)) AS v(oid, opfmethod, opfname, opfnamespace,
  opfowner, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_amop AS
SELECT * FROM (VALUES (0, 0, 2602)) AS v(oid, amopfamily, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_amproc AS
SELECT * FROM (VALUES (0, 0, 2603)) AS v(oid, amprocfamily, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_ts_parser AS
SELECT * FROM (VALUES (0, '', 0, 0, 0, 0, 0, 0, 3601)) AS v(oid, prsname, prsnamespace, prsstart,
  prstoken, prsend, prsheadline, prslextype, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_ts_template AS
SELECT * FROM (VALUES (0, '', 0, 0, 0, 3764)) AS v(oid, tmplname, tmplnamespace, tmplinit,
  tmpllexize, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_ts_dict AS
SELECT * FROM (VALUES (0, '', 0, 0, 0, CAST(NULL AS VARCHAR), 3600)) AS v(oid, dictname,
  dictnamespace, dictowner, dicttemplate, dictinitoption, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_ts_config AS
SELECT * FROM (VALUES (0, '', 0, 0, 0, 3602)) AS v(oid, cfgname, cfgnamespace, cfgowner,
  cfgparser, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_foreign_data_wrapper AS
SELECT * FROM (VALUES (0, '', 0, 0, 0, CAST(NULL AS VARCHAR ARRAY), CAST(NULL AS VARCHAR ARRAY), 2328))
  AS v(oid, fdwname, fdwowner, fdwhandler, fdwvalidator, fdwacl, fdwoptions, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_foreign_server AS
SELECT * FROM (VALUES (0, '', 0, 0, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR),
  CAST(NULL AS VARCHAR ARRAY), CAST(NULL AS VARCHAR ARRAY), 1417)) AS v(oid, srvname, srvowner,
  srvfdw, srvtype, srvversion, srvacl, srvoptions, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_foreign_table AS
SELECT * FROM (VALUES (0, 0, CAST(NULL AS VARCHAR ARRAY), 3118)) AS v(ftrelid, ftserver,
  ftoptions, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_default_acl AS
SELECT * FROM (VALUES (0, 0, 0, 'r', CAST(NULL AS VARCHAR ARRAY), 826)) AS v(oid, defaclrole,
  defaclnamespace, defaclobjtype, defaclacl, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_conversion AS
SELECT * FROM (VALUES (0, '', 0, 0, 2607)) AS v(oid, conname, connamespace, conowner, tableoid)
WHERE FALSE;

CREATE VIEW distdb_catalog.pg_cast AS
SELECT * FROM (VALUES (0, 0, 0, 0, 'e', 'f', 2605)) AS v(oid, castsource, casttarget, castfunc,
  castcontext, castmethod, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_transform AS
SELECT * FROM (VALUES (0, 0, 0, 0, 0, 3576)) AS v(oid, trftype, trflang, trffromsql, trftosql,
  tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_range AS
SELECT * FROM (VALUES (0, 0, 0)) AS v(rngtypid, rngsubtype, rngmultitypid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_event_trigger AS
SELECT * FROM (VALUES (0, '', '', 0, 0, 'O', CAST(NULL AS VARCHAR ARRAY), 3466)) AS v(oid, evtname,
  evtevent, evtowner, evtfoid, evtenabled, evttags, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_partitioned_table AS
SELECT * FROM (VALUES (0, 'r', CAST(NULL AS INT ARRAY))) AS v(partrelid, partstrat, partclass)
WHERE FALSE;

CREATE VIEW distdb_catalog.pg_statistic_ext AS
SELECT * FROM (VALUES (0, 0, '', 0, 0, -1, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR ARRAY),
  CAST(NULL AS VARCHAR), 3381)) AS v(oid, stxrelid, stxname, stxnamespace, stxowner, stxstattarget,
  stxkeys, stxkind, stxexprs, tableoid) WHERE FALSE;

-- A view's query is held by its rewrite rule in PostgreSQL; distdb shows views without rules and
-- lets pg_depend tie a view to the tables it reads directly.
CREATE VIEW distdb_catalog.pg_rewrite AS
SELECT * FROM (VALUES (0, '', 0, '1', 'O', TRUE, 2618)) AS v(oid, rulename, ev_class, ev_type,
  ev_enabled, is_instead, tableoid) WHERE FALSE;

-- One user, no role memberships (psql's \du joins it).
CREATE VIEW distdb_catalog.pg_auth_members AS
SELECT * FROM (VALUES (0, 0, 0, FALSE)) AS v(roleid, member, grantor, admin_option) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_policy AS
SELECT * FROM (VALUES (0, '', 0, '*', TRUE, CAST(NULL AS INT ARRAY), CAST(NULL AS VARCHAR),
  CAST(NULL AS VARCHAR), 3256)) AS v(oid, polname, polrelid, polcmd, polpermissive, polroles,
  polqual, polwithcheck, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_publication AS
SELECT * FROM (VALUES (0, '', 0, FALSE, TRUE, TRUE, TRUE, TRUE, FALSE, 6104)) AS v(oid, pubname,
  pubowner, puballtables, pubinsert, pubupdate, pubdelete, pubtruncate, pubviaroot, tableoid)
WHERE FALSE;

CREATE VIEW distdb_catalog.pg_publication_rel AS
SELECT * FROM (VALUES (0, 0, 0, CAST(NULL AS VARCHAR), CAST(NULL AS INT ARRAY), 6106))
  AS v(oid, prpubid, prrelid, prqual, prattrs, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_publication_namespace AS
SELECT * FROM (VALUES (0, 0, 0, 6237)) AS v(oid, pnpubid, pnnspid, tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_subscription AS
SELECT * FROM (VALUES (0, 0, '', 0, '', CAST(NULL AS VARCHAR), '', CAST(NULL AS VARCHAR ARRAY),
  FALSE, FALSE, 'd', FALSE, 6100)) AS v(oid, subdbid, subname, subowner, subconninfo, subslotname,
  subsynccommit, subpublications, subbinary, substream, subtwophasestate, subdisableonerr, tableoid)
WHERE FALSE;

CREATE VIEW distdb_catalog.pg_largeobject_metadata AS
SELECT * FROM (VALUES (0, 0, CAST(NULL AS VARCHAR ARRAY), 2995)) AS v(oid, lomowner, lomacl,
  tableoid) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_init_privs AS
SELECT * FROM (VALUES (0, 0, 0, 'i', CAST(NULL AS VARCHAR ARRAY))) AS v(objoid, classoid, objsubid,
  privtype, initprivs) WHERE FALSE;

CREATE VIEW distdb_catalog.pg_seclabels AS
SELECT * FROM (VALUES (0, 0, 0, '', 0, '', '', '')) AS v(objoid, classoid, objsubid, objtype,
  objnamespace, objname, provider, label) WHERE FALSE;

-- A sequence read as a relation (SELECT last_value, is_called FROM s, as pg_dump reads each):
-- CatalogRewrite reads this instead. Before the first nextval last_value is the start and
-- is_called false, as in PostgreSQL.
CREATE FORCE VIEW distdb_catalog.sequence_state AS
SELECT schemaname, sequencename, COALESCE(last_value, start_value) AS last_value,
  CAST(0 AS BIGINT) AS log_cnt, last_value IS NOT NULL AS is_called
FROM distdb_catalog.pg_sequences;
