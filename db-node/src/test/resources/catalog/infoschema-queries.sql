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
