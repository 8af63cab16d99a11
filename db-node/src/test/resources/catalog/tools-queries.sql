-- What administration tools and test runners ask (psql, pgAdmin, DBeaver, Django's test runner),
-- against catalog/schema.sql: roles, databases, functions, sessions, statistics, locks and the rest
-- of information_schema. The user's name differs between the servers (postgres, distdb): queries
-- compare it with current_user.

-- databases one can connect to
SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY datname;

-- Django test runner: does the database exist
SELECT 1 FROM pg_catalog.pg_database WHERE datname = 'cat';

-- Django test runner: does the test database exist
SELECT 1 FROM pg_catalog.pg_database WHERE datname = 'test_cat';

-- templates
SELECT datname, datistemplate, datconnlimit, pg_get_userbyid(datdba) = current_user AS own FROM pg_database WHERE datistemplate ORDER BY datname;

-- encoding of the current database
SELECT pg_encoding_to_char(encoding) AS encoding, datistemplate, datconnlimit, datlocprovider FROM pg_database WHERE datname = current_database();

-- collation of the current database
SELECT datcollate, datctype FROM pg_database WHERE datname = current_database();

-- database owner
SELECT pg_get_userbyid(d.datdba) = current_user AS own, d.dattablespace FROM pg_catalog.pg_database d WHERE d.datname = current_database();

-- the session's role
SELECT rolsuper, rolinherit, rolcanlogin, rolconnlimit, rolpassword, rolvaliduntil, oid FROM pg_roles WHERE rolname = current_user;

-- roles
SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = current_user;

-- pg_user of the session
SELECT usesysid, usesuper, passwd, valuntil FROM pg_user WHERE usename = current_user;

-- pg_authid shows no password
SELECT rolname = current_user AS me, rolpassword FROM pg_authid WHERE oid = 10;

-- pg_get_userbyid of the bootstrap user
SELECT pg_get_userbyid(10) = current_user AS me;

-- pg_get_userbyid of an unknown OID
SELECT pg_get_userbyid(123456);

-- owner of a table
SELECT c.relname, pg_catalog.pg_get_userbyid(c.relowner) = current_user AS own FROM pg_catalog.pg_class c WHERE c.relname = 'parent';

-- tables' owners
SELECT tablename, tableowner = current_user AS own FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename;

-- to_regclass of a table
SELECT to_regclass('parent') IS NOT NULL AS found, to_regclass('public.child') IS NOT NULL AS qualified;

-- to_regclass of nothing
SELECT to_regclass('no_such_table');

-- pg_proc rows
SELECT proname, prokind, prorettype, proargtypes::text, pronargs, proretset, provolatile, proisstrict FROM pg_proc WHERE proname IN ('split_part', 'upper', 'count', 'format_type') ORDER BY proname, proargtypes::text;

-- pgAdmin function signature
SELECT p.proname, pg_catalog.pg_get_function_arguments(p.oid) AS args, pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity, pg_catalog.pg_get_function_result(p.oid) AS result FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pg_catalog' AND p.proname IN ('format_type', 'generate_series', 'string_agg') ORDER BY 1, 2;

-- user functions
SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public';

-- aggregates
SELECT proname, prokind FROM pg_proc WHERE proname IN ('count', 'sum', 'max') AND prokind = 'a' GROUP BY proname, prokind ORDER BY proname;

-- the session in pg_stat_activity
SELECT datname, state, query, backend_type, usename = current_user AS me FROM pg_stat_activity WHERE pid = pg_backend_pid();

-- sessions of this database
SELECT count(*) > 0 AS some FROM pg_catalog.pg_stat_activity WHERE datname = current_database();

-- table statistics
SELECT schemaname, relname, n_live_tup, n_dead_tup, n_mod_since_analyze, last_vacuum, vacuum_count FROM pg_stat_user_tables ORDER BY relname;

-- all tables' statistics of the schema
SELECT relname, n_live_tup FROM pg_catalog.pg_stat_all_tables WHERE schemaname = 'public' ORDER BY relname;

-- statistics by relid
SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE c.relname = 'child';

-- locks on a table
SELECT locktype, mode, granted FROM pg_locks WHERE relation = 'child'::regclass;

-- database statistics
SELECT datname, xact_rollback >= 0 AS counted, deadlocks FROM pg_stat_database WHERE datname = current_database();

-- privileges of the one user
SELECT has_table_privilege('parent', 'SELECT') AS t, has_schema_privilege('public', 'USAGE') AS s, has_database_privilege(current_database(), 'CONNECT') AS d;

-- server start time
SELECT pg_postmaster_start_time() IS NOT NULL AS started;

-- referential constraints
SELECT * FROM information_schema.referential_constraints WHERE constraint_schema = 'public' ORDER BY constraint_name;

-- foreign keys with their columns
SELECT kcu.table_name, kcu.column_name, ccu.table_name AS foreign_table, ccu.column_name AS foreign_column, rc.update_rule, rc.delete_rule FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' ORDER BY kcu.table_name, kcu.column_name;

-- sequences
SELECT sequence_catalog, sequence_schema, sequence_name, data_type, numeric_precision, numeric_precision_radix, numeric_scale, start_value, minimum_value, maximum_value, increment, cycle_option FROM information_schema.sequences ORDER BY sequence_name;

-- views
SELECT table_catalog, table_schema, table_name, check_option, is_insertable_into, is_trigger_updatable FROM information_schema.views WHERE table_schema = 'public';

-- views updatable
SELECT table_name, is_updatable FROM information_schema.views WHERE table_schema = 'public';

-- schemata
SELECT catalog_name, schema_name FROM information_schema.schemata ORDER BY schema_name;

-- user schemata
SELECT schema_name, schema_owner FROM information_schema.schemata WHERE schema_name NOT LIKE 'pg_%' AND schema_name <> 'information_schema' ORDER BY schema_name;

-- constraint columns
SELECT table_name, column_name, constraint_name FROM information_schema.constraint_column_usage WHERE table_schema = 'public' ORDER BY constraint_name, column_name;

-- check constraints other than NOT NULL
SELECT constraint_name, check_clause FROM information_schema.check_constraints WHERE constraint_schema = 'public' AND constraint_name NOT LIKE '%_not_null';

-- pgcli: search path
SELECT * FROM unnest(current_schemas(true));

-- pgcli: relations of the user's schema (pgcli binds the relkinds as a list, here an array)
SELECT n.nspname schema_name, c.relname table_name FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = ANY(ARRAY['r', 'p', 'f', 'v', 'm']) AND n.nspname = 'public' ORDER BY 1,2;

-- pgcli: columns of the user's tables
SELECT nsp.nspname schema_name, cls.relname table_name, att.attname column_name, att.atttypid::regtype::text type_name, att.atthasdef AS has_default, pg_catalog.pg_get_expr(def.adbin, def.adrelid, true) as default FROM pg_catalog.pg_attribute att INNER JOIN pg_catalog.pg_class cls ON att.attrelid = cls.oid INNER JOIN pg_catalog.pg_namespace nsp ON cls.relnamespace = nsp.oid LEFT OUTER JOIN pg_attrdef def ON def.adrelid = att.attrelid AND def.adnum = att.attnum WHERE cls.relkind = ANY(ARRAY['r', 'p', 'f']) AND NOT att.attisdropped AND att.attnum > 0 AND nsp.nspname = 'public' ORDER BY 1, 2, att.attnum;

-- pgcli: foreign keys
SELECT s_p.nspname AS parentschema, t_p.relname AS parenttable, unnest(( select array_agg(attname ORDER BY i) from (select unnest(confkey) as attnum, generate_subscripts(confkey, 1) as i) x JOIN pg_catalog.pg_attribute c USING(attnum) WHERE c.attrelid = fk.confrelid )) AS parentcolumn, s_c.nspname AS childschema, t_c.relname AS childtable, unnest(( select array_agg(attname ORDER BY i) from (select unnest(conkey) as attnum, generate_subscripts(conkey, 1) as i) x JOIN pg_catalog.pg_attribute c USING(attnum) WHERE c.attrelid = fk.conrelid )) AS childcolumn FROM pg_catalog.pg_constraint fk JOIN pg_catalog.pg_class t_p ON t_p.oid = fk.confrelid JOIN pg_catalog.pg_namespace s_p ON s_p.oid = t_p.relnamespace JOIN pg_catalog.pg_class t_c ON t_c.oid = fk.conrelid JOIN pg_catalog.pg_namespace s_c ON s_c.oid = t_c.relnamespace WHERE fk.contype = 'f';

-- pgcli: data types of the user's schemas
SELECT n.nspname schema_name, t.typname type_name FROM pg_catalog.pg_type t INNER JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE ( t.typrelid = 0 OR ( SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid ) ) AND NOT EXISTS( SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid ) AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' ORDER BY 1, 2;

-- pgcli: functions (its query, restricted to a few names whose arguments are unnamed)
SELECT n.nspname schema_name, p.proname func_name, p.proargnames, COALESCE(proallargtypes::regtype[], proargtypes::regtype[])::text[], p.proargmodes, prorettype::regtype::text return_type, p.prokind = 'a' is_aggregate, p.prokind = 'w' is_window, p.proretset is_set_returning, d.deptype = 'e' is_extension, pg_get_expr(proargdefaults, 0) AS arg_defaults FROM pg_catalog.pg_proc p INNER JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_depend d ON d.objid = p.oid and d.deptype = 'e' WHERE p.prorettype::regtype != 'trigger'::regtype AND p.proname IN ('now', 'version', 'pg_get_viewdef', 'array_to_string') ORDER BY 1, 2, 4;

-- pgspecial \dt
SELECT n.nspname as "Schema", c.relname as "Name", CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'p' THEN 'partitioned table' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 's' THEN 'special' WHEN 'f' THEN 'foreign table' END as "Type", pg_catalog.pg_get_userbyid(c.relowner) = current_user as "Own" FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = ANY(ARRAY['r', 'p']) AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_toast' AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1, 2;

-- pgspecial \dT
SELECT n.nspname as "Schema", pg_catalog.format_type(t.oid, NULL) AS "Name", pg_catalog.obj_description(t.oid, 'pg_type') as "Description" FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE (t.typrelid = 0 OR ( SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid)) AND NOT EXISTS( SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid) AND pg_catalog.pg_type_is_visible(t.oid) AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' ORDER BY 1, 2;

-- vacuumdb: tables to vacuum (the catalog's own tables differ: the user's only)
SELECT c.relname, ns.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace ns ON c.relnamespace OPERATOR(pg_catalog.=) ns.oid LEFT JOIN pg_catalog.pg_class t ON c.reltoastrelid OPERATOR(pg_catalog.=) t.oid WHERE c.relpersistence OPERATOR(pg_catalog.!=) 't' AND c.relkind OPERATOR(pg_catalog.=) ANY (array['r', 'm']) AND ns.nspname = 'public' ORDER BY c.relname;

-- settings pgAdmin and DBeaver read
SELECT name, setting, unit, vartype, context FROM pg_settings WHERE name IN ('work_mem','max_connections','search_path','TimeZone','DateStyle','max_index_keys','server_version_num','standard_conforming_strings') ORDER BY name;

-- settings that answer alike
SELECT name, setting, unit, category, short_desc, vartype, context, min_val, max_val, enumvals, boot_val, sourcefile, sourceline, pending_restart FROM pg_settings WHERE name IN ('work_mem','search_path','DateStyle','max_index_keys','max_identifier_length','standard_conforming_strings','transaction_isolation','statement_timeout') ORDER BY name;

-- psql \dconfig work_mem
SELECT s.name AS "Parameter", pg_catalog.current_setting(s.name) AS "Value" FROM pg_catalog.pg_settings s WHERE pg_catalog.lower(s.name) OPERATOR(pg_catalog.~) '^(work_mem)$' COLLATE pg_catalog.default ORDER BY 1;
