-- information_schema as tools read it (knex hasTable / columnInfo, Sequelize describeTable,
-- Rails/Alembic-style listings), against catalog/schema.sql.

-- knex hasTable
select * from information_schema.tables where table_name = 'parent' and table_schema = current_schema();

-- tables of the schema
SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;

-- knex columnInfo
select * from information_schema.columns where table_name = 'child' and table_catalog = current_database() and table_schema = current_schema() order by ordinal_position;

-- columns of the schema
SELECT table_name, column_name, ordinal_position, column_default, is_nullable, data_type, character_maximum_length, numeric_precision, numeric_scale, datetime_precision, udt_name FROM INFORMATION_SCHEMA.COLUMNS WHERE table_schema = 'public' ORDER BY table_name, ordinal_position;

-- Sequelize describeTable
SELECT pk.constraint_type as "Constraint", c.column_name as "Field", c.column_default as "Default", c.is_nullable as "Null", c.data_type || (CASE WHEN c.character_maximum_length IS NOT NULL THEN '(' || c.character_maximum_length || ')' ELSE '' END) as "Type" FROM information_schema.columns c LEFT JOIN (SELECT tc.table_schema, tc.table_name, cu.column_name, tc.constraint_type FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.KEY_COLUMN_USAGE cu ON tc.table_schema=cu.table_schema and tc.table_name=cu.table_name and tc.constraint_name=cu.constraint_name and tc.constraint_type='PRIMARY KEY') pk ON pk.table_schema=c.table_schema AND pk.table_name=c.table_name AND pk.column_name=c.column_name WHERE c.table_name = 'pair' AND c.table_schema = 'public' ORDER BY c.ordinal_position;

-- key constraints
SELECT * FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type <> 'CHECK' ORDER BY table_name, constraint_name;

-- key columns
SELECT * FROM information_schema.key_column_usage WHERE table_schema = 'public' ORDER BY table_name, constraint_name, ordinal_position;

-- pg_is_in_recovery
SELECT pg_is_in_recovery();
