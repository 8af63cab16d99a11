-- Statements run on PostgreSQL 15 and on distdb by PostgresDifferentialIT, one after the other on
-- one connection each, in the simple and then the extended protocol. Every result (command tag,
-- column labels, type OIDs, rows in text format, SQLSTATE) must be equal, or the difference must
-- be listed in expected-differences.txt with a reason. One statement per entry, ended by ';' at
-- the end of a line. No clock or random values: both servers must compute the same rows.

-- DDL with PostgreSQL type names
CREATE TABLE items (id serial PRIMARY KEY, sku text UNIQUE NOT NULL, qty int4, price numeric(10,2), label varchar(20), at timestamptz, flag bool);
CREATE TABLE events (id bigserial PRIMARY KEY, item_id int8 REFERENCES items(id), kind text, n int2, ratio float8, score float4);
CREATE TABLE docs (id int PRIMARY KEY, body jsonb, raw bytea, tags text[], uid uuid);
CREATE TABLE bad (x nosuchtype);
CREATE TABLE reviews (id serial PRIMARY KEY, item_id int NOT NULL, note text);
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "items" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX CONCURRENTLY IF NOT EXISTS items_qty ON items (qty);
CREATE INDEX "items_sku_like" ON "items" ("sku" varchar_pattern_ops);
CREATE INDEX CONCURRENTLY items_label_like ON items (label text_pattern_ops, qty);
CREATE UNIQUE INDEX IF NOT EXISTS events_kind_n ON events (kind, n);

-- INSERT, RETURNING
INSERT INTO items (sku, qty, price, label, flag) VALUES ('a', 1, 1.50, 'first', true);
INSERT INTO items (sku, qty, price, label, flag) VALUES ('b', 2, 2.25, 'second', false), ('c', 3, 10.00, 'third', NULL) RETURNING id;
INSERT INTO items (sku, qty) VALUES ('d', 4) RETURNING *;
INSERT INTO items (sku, qty) VALUES ('e', 5) RETURNING id, qty * 2, sku AS code;
INSERT INTO items (sku, qty) VALUES ('a', 9);
UPDATE items SET qty = qty + 10 WHERE qty >= 4 RETURNING sku, qty;
UPDATE items SET label = 'x' WHERE sku = 'nope';
DELETE FROM items WHERE sku = 'e' RETURNING id, sku;
DELETE FROM items WHERE sku = 'nope';

-- ON CONFLICT
INSERT INTO items (sku, qty) VALUES ('a', 100) ON CONFLICT (sku) DO NOTHING;
INSERT INTO items (sku, qty) VALUES ('a', 100) ON CONFLICT DO NOTHING;
INSERT INTO items (sku, qty) VALUES ('a', 7), ('f', 6) ON CONFLICT (sku) DO UPDATE SET qty = excluded.qty;
INSERT INTO items (sku, qty) VALUES ('a', 7), ('b', 8) ON CONFLICT (sku) DO UPDATE SET qty = excluded.qty WHERE items.qty <> excluded.qty;
INSERT INTO items AS i (sku, qty) VALUES ('b', 1) ON CONFLICT (sku) DO UPDATE SET qty = i.qty + excluded.qty RETURNING sku, qty;
INSERT INTO items (id, sku, qty) VALUES (1, 'zz', 0) ON CONFLICT ON CONSTRAINT items_pkey DO UPDATE SET label = 'upserted' RETURNING id, sku, label;
INSERT INTO items (sku) VALUES ('q') ON CONFLICT DO UPDATE SET qty = 1;
INSERT INTO items (sku, qty) VALUES ('a', 1), ('g', 1) ON CONFLICT DO NOTHING RETURNING sku;
INSERT INTO items (sku, qty) VALUES ('g', 2), ('h', 2) ON CONFLICT (sku) DO NOTHING RETURNING sku, qty;
SELECT id, sku, qty, label FROM items ORDER BY id;

-- Queries: labels and types
SELECT count(*) FROM items;
SELECT count(*), sum(qty), min(sku), max(price) FROM items;
SELECT avg(qty) FROM items WHERE sku IN ('a', 'b');
SELECT sum(price) FROM items;
SELECT qty::int8, price::text, 1::bigint, '7'::int2, CAST(qty AS float8) FROM items WHERE sku = 'a';
SELECT 1 + 1, 'lit', sku || '!', upper(sku), lower(label) FROM items WHERE sku = 'a';
SELECT sku, label FROM items WHERE sku = 'b';
SELECT '2024-01-02 03:04:05+00'::timestamptz;
SELECT 1::nosuchtype;

-- Operators PostgreSQL has
SELECT sku FROM items WHERE sku ILIKE 'A' ORDER BY sku;
SELECT sku FROM items WHERE sku ~ '^[ab]$' ORDER BY sku;
SELECT sku FROM items WHERE label IS DISTINCT FROM 'first' ORDER BY sku;
SELECT sku FROM items WHERE label IS NOT DISTINCT FROM NULL ORDER BY sku;
SELECT DISTINCT ON (flag) flag, sku FROM items ORDER BY flag, sku;
SELECT count(*) FILTER (WHERE qty > 5) FROM items;
SELECT sku FROM items ORDER BY label NULLS FIRST, sku LIMIT 3;
SELECT left('abcdef', 2), right('abcdef', 2), concat_ws('-', 'a', 'b'), regexp_replace('abc', 'b', 'x');

SELECT sku, row_number() OVER (ORDER BY sku) FROM items ORDER BY sku LIMIT 2;
SELECT date_trunc('day', TIMESTAMP '2024-03-04 05:06:07'), to_char(DATE '2024-03-04', 'YYYY-MM-DD');
SELECT split_part('a,b,c', ',', 2);
SELECT md5('abc');
SELECT initcap('hello world');
-- PostgreSQL functions H2 lacks, run by distdb's own implementations (storage.PostgresFunctions)
SELECT split_part('a,,c', ',', 2), split_part('a,b', ',', 5), split_part('a,b,c', ',', -1);
SELECT split_part('abc', ',', 0);
SELECT strpos('hello', 'l'), reverse('abc');
SELECT initcap(sku || ' x-y') FROM items WHERE sku = 'a';
SELECT format('%s is %L, %I', 'x', 'it''s', 'My Col');
SELECT make_date(2024, 2, 29);
SELECT make_date(2023, 2, 29);
-- escape strings, interval literals as PostgreSQL writes them
SELECT E'tab\there', E'quote\'s';
SELECT TIMESTAMP '2024-01-31 10:00:00' + interval '1 day';
SELECT TIMESTAMP '2024-01-31 10:00:00' - '90 minutes'::interval;
SELECT TIMESTAMP '2024-01-31 10:00:00' + interval '1 month';
SELECT TIMESTAMP '2024-01-31 10:00:00' + interval '1 week ago';
SELECT TIMESTAMP '2024-01-31 10:00:00' + interval '1 day 02:03:04.5';
SELECT TIMESTAMP '2024-01-31 10:00:00' + interval '1 month 1 day';
SELECT interval '1 day 2 hours', interval '3 months', interval '-1 year 2 mons', interval '1.5 seconds';
SELECT interval '36 hours', interval '14 months', interval '0 seconds', interval '-90 minutes', '2 weeks'::interval;
SELECT TIMESTAMP '2024-03-01 00:00:00' - TIMESTAMP '2024-01-15 12:00:00' AS elapsed;
SELECT interval '1 day' + interval '2 hours', interval '2 hours' * 3, interval '1 day' > interval '23 hours';
-- JOIN ... USING: a bare USING column names the merged column
SELECT id, sku, kind FROM items JOIN events USING (id) ORDER BY id;
SELECT id, sku FROM items LEFT JOIN events USING (id) WHERE id <= 2 ORDER BY id;
-- refused with 0A000 naming the feature (PostgreSQL answers them)
SELECT qty, count(*) FROM items GROUP BY ROLLUP (qty) ORDER BY qty;
SELECT sku, x.one FROM items, LATERAL (SELECT 1 AS one) x WHERE sku = 'a';
SELECT string_agg(sku, ',' ORDER BY sku) FROM items;
SELECT coalesce(label, '-') FROM items WHERE sku = 'd';
SELECT CASE WHEN qty > 5 THEN 'big' ELSE 'small' END FROM items WHERE sku = 'a';
SELECT EXISTS (SELECT 1 FROM items WHERE qty > 1000);
SELECT sku FROM items WHERE qty = ANY (ARRAY[7, 9]) ORDER BY sku;
SELECT '{"a": {"b": 1}}'::jsonb -> 'a';
SELECT '{"a": "x"}'::jsonb ->> 'a';
SELECT '\x0102'::bytea;

-- functions applications use (issue 12)
SELECT date_part('year', DATE '2024-03-15'), date_part('hour', TIMESTAMP '2024-03-15 10:30:00'), date_part('dow', DATE '2024-03-15');
SELECT age(TIMESTAMP '2024-03-15 00:00:00', TIMESTAMP '2023-01-10 00:00:00');
SELECT age(TIMESTAMP '2024-03-01 01:00:00', TIMESTAMP '2024-02-28 02:30:00.5'), age(TIMESTAMP '2023-01-10 00:00:00', TIMESTAMP '2024-03-15 00:00:00');
SELECT string_to_array('a,b,,c', ','), array_to_string(ARRAY['a', 'b', NULL, 'c'], '-'), array_to_string(ARRAY[1, 2, 3], ',');
SELECT 2 ^ 10, 2.0 ^ 0.5, (-8) ^ 3;
SELECT DATE '2024-03-15' - DATE '2024-01-01', DATE '2024-03-15' - 10, DATE '2024-03-15' + 1;
SELECT date_part('second', TIMESTAMP '2024-03-15 10:30:07.25'), date_part('epoch', TIMESTAMP '2024-03-15 10:30:00'), date_part('doy', DATE '2024-03-15'), date_part('week', DATE '2024-03-15');
SELECT pg_get_serial_sequence('items', 'sku');
SELECT pg_get_serial_sequence('items', 'id'), pg_get_serial_sequence('events', 'id');
SELECT to_char(TIMESTAMP '2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS'), to_char(DATE '2024-03-05', 'DD/MM/YYYY'), to_char(TIMESTAMP '2024-03-05 14:07:09', 'HH12:MI AM Mon DD, YYYY');
SELECT to_char(1234.5, '9999.99'), to_char(42, '000');
SELECT to_date('05/03/2024', 'DD/MM/YYYY'), to_date('2024-03-05', 'YYYY-MM-DD');
SELECT regexp_replace('Hello World', 'o', '0'), regexp_replace('Hello World', 'o', '0', 'g'), regexp_replace('Hello', 'h', 'J', 'i');
SELECT md5('abc'), md5('');
SELECT left('distdb', 3), right('distdb', 2), left('distdb', -2), right('distdb', -2);
SELECT concat_ws(', ', 'a', NULL, 'b', 1);
SELECT string_agg(sku, '|' ORDER BY sku DESC) FROM items;
SELECT avg(qty), sum(qty), sum(n), count(qty) FROM items, events WHERE items.id = events.item_id;
SELECT avg(qty), sum(qty), sum(qty::int8) FROM items;

-- UPDATE ... FROM, DELETE ... USING
INSERT INTO events (item_id, kind, n) VALUES (1, 'view', 1), (2, 'view', 2), (2, 'buy', 3);
UPDATE items SET qty = 0 FROM events WHERE events.item_id = items.id AND events.kind = 'buy';
DELETE FROM events USING items WHERE events.item_id = items.id AND items.sku = 'a';
SELECT kind, n FROM events ORDER BY n;

-- Advisory locks (Flyway)
SELECT pg_try_advisory_lock(77431708279161);
SELECT pg_advisory_unlock(77431708279161);

-- TRUNCATE
TRUNCATE events;
TRUNCATE TABLE events RESTART IDENTITY;
INSERT INTO events (kind) VALUES ('after') RETURNING id;
TRUNCATE events CASCADE;

-- Session statements
SET application_name = 'corpus';
SET TIME ZONE 'UTC';
SET search_path TO public;
SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SHOW TimeZone;
SHOW search_path;
SHOW standard_conforming_strings;
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED;
DISCARD ALL;
SHOW application_name;
RESET application_name;
COMMENT ON TABLE items IS 'things we sell';
DROP TABLE IF EXISTS nothing_here;
-- json and jsonb
INSERT INTO docs (id, body) VALUES (1, '{"name": "tea", "tags": ["hot", "green"], "price": 1.50, "stock": {"shop": 3}}');
INSERT INTO docs (id, body) VALUES (2, '{"b":2,"a":1,"a":3}'::jsonb), (3, '[1, "x", null, {"k": true}]'), (4, '"just text"'), (5, 'null'), (6, NULL);
INSERT INTO docs (id, body) VALUES (7, '{"broken": ');
UPDATE docs SET body = '{"name": "cake", "tags": ["sweet"], "price": 2}' WHERE id = 6;
SELECT id, body FROM docs ORDER BY id;
SELECT body -> 'name', body ->> 'name', body -> 'tags' -> 0, body -> 'tags' ->> 1 FROM docs WHERE id = 1;
SELECT body #> '{stock,shop}', body #>> '{tags,0}', body #> '{nope}' FROM docs WHERE id = 1;
SELECT body -> 3 -> 'k', body -> -1, body ->> 1 FROM docs WHERE id = 3;
SELECT id FROM docs WHERE body @> '{"tags": ["green"]}' ORDER BY id;
SELECT id FROM docs WHERE '{"a": 3}' <@ body ORDER BY id;
SELECT id FROM docs WHERE body ? 'price' ORDER BY id;
SELECT id FROM docs WHERE body ?| array['a', 'name'] ORDER BY id;
SELECT id FROM docs WHERE body ?& array['a', 'b'] ORDER BY id;
SELECT id, body ->> 'name' FROM docs WHERE body ->> 'name' = 'cake';
SELECT id FROM docs WHERE (body -> 'price') = '2'::jsonb;
SELECT id FROM docs WHERE (body -> 'name') = '"cake"' OR (body #> ARRAY['stock', 'shop']) = '3' ORDER BY id;
SELECT id FROM docs WHERE (body -> 'name') <> '"cake"' ORDER BY id;
SELECT id FROM docs WHERE (body -> 'price') > '1.6' OR (body -> 'price') <= '1.5' ORDER BY id;
SELECT id FROM docs WHERE (body -> 'price') = '1.5' AND (body -> 'tags') >= '["a"]';
SELECT id FROM docs WHERE (body -> 'name') IN ('"tea"', '"cake"') ORDER BY id;
SELECT '{"b": 1, "a": [1, 2.50, 1e2]}'::jsonb;
SELECT '{"a": 1}'::jsonb || '{"b": 2}'::jsonb, '[1, 2]'::jsonb || '3'::jsonb;
SELECT '{"a": 1, "b": 2}'::jsonb - 'a', '["a", "b", "a"]'::jsonb - 'a', '[1, 2, 3]'::jsonb - 1;
SELECT jsonb_build_object('id', 7, 'name', 'x', 'ok', true, 'none', NULL);
SELECT jsonb_build_array(1, 'two', false, 2.5);
SELECT jsonb_agg(body -> 'price' ORDER BY id) FROM docs WHERE id IN (1, 6);
SELECT jsonb_agg(id ORDER BY id DESC) FROM docs;
SELECT jsonb_object_agg(id, body ->> 'name') FROM docs WHERE id IN (1, 6);
SELECT to_jsonb(42), to_jsonb('text'::text), to_jsonb(true);
SELECT jsonb_set('{"a": {"b": 1}}'::jsonb, '{a,b}', '2'::jsonb), jsonb_set('{"a": 1}'::jsonb, '{c}', '"new"'::jsonb);
SELECT jsonb_typeof(body), jsonb_typeof(body -> 'tags') FROM docs WHERE id = 1;
SELECT jsonb_array_length(body -> 'tags') FROM docs WHERE id = 1;
SELECT jsonb_array_length('{}'::jsonb);
SELECT jsonb_extract_path(body, 'stock', 'shop'), jsonb_extract_path_text(body, 'tags', '1') FROM docs WHERE id = 1;
SELECT * FROM jsonb_each('{"a": 1}'::jsonb);
SELECT '{"a":1}'::json, '[1,2]'::json -> 1;
SELECT '{broken'::jsonb;
CREATE TABLE jdocs (id int PRIMARY KEY, j json, jb jsonb);
INSERT INTO jdocs VALUES (1, '{"z": 1, "a": 2}', '{"z": 1, "a": 2}');
SELECT j, jb, j ->> 'z', jb ->> 'z' FROM jdocs;
SELECT (body -> 'stock')::text FROM docs WHERE id = 1;
DROP TABLE jdocs;
DROP TABLE docs;

-- sent by SQLAlchemy 1.4 with psycopg2 (recorded with log_statement=all on PostgreSQL 15)
show standard_conforming_strings;
show transaction isolation level;
select current_schema();
CREATE TABLE sa_products (id SERIAL NOT NULL, sku VARCHAR(20) NOT NULL, name VARCHAR, price NUMERIC(10, 2), PRIMARY KEY (id), UNIQUE (sku));
INSERT INTO sa_products (sku, name, price) VALUES ('tea', 'Tea', 1.5) RETURNING sa_products.id;
INSERT INTO sa_products (sku, name, price) VALUES ('cake', 'Cake', 2.25),('jam', 'Jam', 3);
UPDATE sa_products SET price=3.5 WHERE sa_products.sku = 'jam';
SELECT count(*) AS count_1, sum(sa_products.price) AS sum_1 FROM sa_products;
INSERT INTO sa_products (sku, name, price) VALUES ('tea', 'Green tea', 1.75), ('soup', 'Soup', 4) ON CONFLICT (sku) DO UPDATE SET name = excluded.name, price = excluded.price;
INSERT INTO sa_products (sku, name, price) VALUES ('tea', 'ignored', 0) ON CONFLICT (sku) DO NOTHING RETURNING sa_products.id;
SELECT sa_products.sku, sa_products.name, sa_products.price FROM sa_products ORDER BY sa_products.sku;
DELETE FROM sa_products WHERE sa_products.sku = 'soup' RETURNING sa_products.name;

-- set-returning functions in a FROM name their column after the alias or the function
SELECT g FROM generate_series(1, 3) g;
SELECT * FROM generate_series(2, 4) AS s ORDER BY 1 DESC;
SELECT * FROM generate_series(1, 2);
SELECT g.g * 2 AS twice FROM generate_series(1, 3) g WHERE g.g > 1;
SELECT x FROM generate_series(1, 2) AS g(x);
SELECT u FROM unnest(ARRAY[3, 1, 2]) u ORDER BY u;

-- an index without a name gets PostgreSQL's name
CREATE TABLE ix_t (a int, b text);
CREATE INDEX ON ix_t (a);
CREATE INDEX ON ix_t (a, b);
CREATE INDEX ON ix_t (a);
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ix_t' ORDER BY indexname;
DROP TABLE ix_t;

-- run-time parameters read and set inside statements
SELECT current_setting('search_path'), current_setting('DateStyle'), current_setting('standard_conforming_strings');
SELECT set_config('myapp.tenant', '42', false);
SELECT current_setting('myapp.tenant')::int + 1 AS next_tenant, current_setting('myapp.nothing', true) IS NULL AS missing;
SELECT current_setting('myapp.nothing');
SHOW myapp.tenant;
SELECT pg_catalog.set_config('search_path', 'public', false);
SHOW search_path;
SELECT pg_backend_pid() > 0 AS has_pid;

-- sequences: serial columns' and sequence objects', as Django's sequence reset and pg_dump use them
CREATE TABLE seqs (id serial PRIMARY KEY, v text);
INSERT INTO seqs (v) VALUES ('a');
SELECT nextval('seqs_id_seq');
SELECT setval('seqs_id_seq', 100);
INSERT INTO seqs (v) VALUES ('b') RETURNING id;
SELECT setval('public.seqs_id_seq', 200, false);
INSERT INTO seqs (v) VALUES ('c') RETURNING id;
SELECT setval(pg_get_serial_sequence('"seqs"', 'id'), coalesce(max("id"), 1), max("id") IS NOT null) FROM "seqs";
INSERT INTO seqs (v) VALUES ('d') RETURNING id;
SELECT setval('seqs_id_seq', 0);
CREATE SEQUENCE counter;
SELECT setval('counter', 5);
SELECT nextval('counter');
SELECT pg_catalog.setval('public.counter', 10, true);
SELECT nextval('counter');
-- arrays: PostgreSQL's literal syntax in casts and in array columns
CREATE TABLE arr (id serial PRIMARY KEY, tags text[], n int[], big int8[], flags bool[], ids uuid[]);
SELECT '{1,2}'::int[], CAST('{a,"b c"}' AS text[]), '{}'::int8[], '{t,off,yes}'::bool[];
SELECT '{"a b", c\,d, "x\"y", NULL, "NULL", ""}'::text[];
SELECT '{ 1 , 2 }'::int[] AS spaced, '{  a  b  }'::text[] AS inner_space, '{it''s}'::text[] AS quote;
SELECT '{{1,2},{3,4}}'::int[];
SELECT '[1:2]={1,2}'::int[];
SELECT '{1}'::_int4;
SELECT '{1,a}'::int[];
SELECT 'abc'::int[];
SELECT '{1,}'::int[];
SELECT '{1}x'::text[];
SELECT '{{1},{2,3}}'::int[];
SELECT '{99999999999}'::int[];
SELECT '{1.50,2}'::numeric[];
INSERT INTO arr (tags, n, big, flags, ids) VALUES ('{a,b}', '{1,2}', '{9000000000}', '{t,f}', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}') RETURNING tags, n, big, flags, ids;
INSERT INTO arr (tags, n) VALUES ('{"a b",NULL}', '{}') RETURNING *;
INSERT INTO arr VALUES (3, '{x}', '{3,4,5}', NULL, NULL, NULL);
INSERT INTO arr (n) VALUES ('{x}');
INSERT INTO arr (n) VALUES ('{1,');
UPDATE arr SET tags = '{z,"y,y"}' WHERE id = 2 RETURNING tags;
SELECT id, tags, n, tags[1], cardinality(n), array_length(n, 1), array_upper(n, 1), array_lower(n, 1) FROM arr ORDER BY id;
SELECT n[2] FROM arr WHERE id = 2;
SELECT id FROM arr WHERE id = ANY ('{1,2}'::int[]) ORDER BY id;
SELECT id FROM arr WHERE tags = '{x}'::text[];
SELECT n || 9, array_append(n, 4), array_cat(n, ARRAY[7]), array_prepend(0, n) FROM arr ORDER BY id;
SELECT array_agg(id ORDER BY id) FROM arr;
SELECT array_to_string(tags, ',') FROM arr ORDER BY id;

-- data-modifying WITH queries
CREATE TABLE cte_src (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE cte_archive (id int, name text);
WITH x AS (INSERT INTO cte_src (name) VALUES ('y'), ('z') RETURNING id) SELECT count(*) FROM x;
WITH x AS (INSERT INTO cte_src (name) VALUES ('w') RETURNING id, name) SELECT * FROM x;
WITH d AS (DELETE FROM cte_src WHERE name = 'y' RETURNING *) INSERT INTO cte_archive SELECT * FROM d;
SELECT * FROM cte_archive;
WITH u AS (UPDATE cte_src SET name = name || '!' RETURNING id, name) SELECT u.name FROM u ORDER BY u.id;
WITH d AS (DELETE FROM cte_src WHERE name = 'nothing' RETURNING *) SELECT * FROM d;
SELECT * FROM cte_src ORDER BY id;

-- unnamed constraints get PostgreSQL's names, which violations report
CREATE TABLE named_parent (id serial PRIMARY KEY, name text NOT NULL UNIQUE, code int, tag text, UNIQUE (code, tag));
CREATE TABLE named_child (id bigserial PRIMARY KEY, parent_id int REFERENCES named_parent(id) ON DELETE CASCADE, v numeric(10,2) CHECK (v >= 0), w int, CHECK (w > 0), CHECK (v > w));
INSERT INTO named_parent (name) VALUES ('x');
INSERT INTO named_parent (name) VALUES ('x');
INSERT INTO named_parent (name, code, tag) VALUES ('y', 1, 'a'), ('z', 1, 'a');
INSERT INTO named_child (parent_id, v) VALUES (99, 1);
SELECT conname::text, contype::text FROM pg_constraint WHERE conrelid IN ('named_parent'::regclass, 'named_child'::regclass) ORDER BY conname;
ALTER TABLE named_child DROP CONSTRAINT named_child_v_check;
INSERT INTO named_child (parent_id, v) VALUES (1, -1);
CREATE TABLE alter_parent (id int NOT NULL, a int, b int);
CREATE TABLE alter_child (id int, p int, q int);
ALTER TABLE alter_parent ADD PRIMARY KEY (id);
ALTER TABLE alter_parent ADD UNIQUE (a, b);
ALTER TABLE alter_parent ADD CHECK (a > 0);
ALTER TABLE alter_child ADD FOREIGN KEY (p) REFERENCES alter_parent (id) ON DELETE CASCADE;
ALTER TABLE alter_child ADD COLUMN s int UNIQUE CHECK (s <> 0);
SELECT conname::text, contype::text FROM pg_constraint WHERE conrelid IN ('alter_parent'::regclass, 'alter_child'::regclass) ORDER BY 1;

-- interval columns written with PostgreSQL's interval text
CREATE TABLE durations (id int PRIMARY KEY, d interval);
INSERT INTO durations VALUES (1, '5 minutes'), (2, '2 days 03:00:00'), (3, NULL);
UPDATE durations SET d = '1 week' WHERE id = 3;
INSERT INTO durations (id, d) VALUES (4, 'soon');
SELECT id, d, d > interval '1 hour' AS long FROM durations ORDER BY id;

-- Built-in functions and operators (issue 12: functions)
select position('b' in 'abc'), reverse('abc');
select substring('abcdef' from 2 for 3), reverse('x');
select encode('abc'::bytea, 'base64');
select decode('YWJj', 'base64');
select encode(sha256('a'::bytea), 'hex');
select 'a' similar to 'a%';
select make_interval(days => 2);
select justify_hours(interval '36 hours');
select to_timestamp(0);
select timezone('UTC', timestamptz '2024-01-01 00:00:00+02');
select clock_timestamp() >= now();
select statement_timestamp() >= now(), transaction_timestamp() = now();
select extract(epoch from timestamp '2024-01-01');
select 7.0 / 2;
select json_build_object('a', 1);
select pg_typeof(1);
select array_position(array[1,2], 2);
select array_remove(array[1,2], 2);
select regexp_matches('abc', 'b');
select regexp_split_to_table('a b', ' ');
select to_number('12.5', '99.9');
select now() at time zone 'utc' is not null;
select isfinite(date '2024-01-01');
select width_bucket(5, 0, 10, 5);
select overlay('abc' placing 'x' from 2 for 1);
select starts_with('abc', 'a');
select num_nulls(1, null);
select * from jsonb_each('{"a":1}');
select jsonb_strip_nulls('{"a":null}');
select json_agg(x) from generate_series(1,2) x;
select row_to_json(t) from (select 1 as a) t;
select generate_series(1,3);
select * from generate_series(timestamp '2024-01-01', timestamp '2024-01-03', interval '1 day');
select 'a'::text collate "C" < 'b';
select 10 % 3, -7 / 2, 2 ^ 3, |/ 16, @ -5;
select cast('t' as boolean), 'yes'::boolean, 'off'::boolean;
select 1::int2 + 1::int8, pg_typeof(1::int2 + 1::int8);
select 2147483647 + 1;
select substring('abcdef' from 2);
select position('b' in 'abc');
select encode('\x00ff'::bytea, 'hex'), encode('abc'::bytea, 'escape');
select decode('616263', 'hex'), decode('a\\b', 'escape');
select encode(sha224('a'::bytea), 'hex'), encode(sha384('a'::bytea), 'hex'), encode(sha512('a'::bytea), 'hex');
select 'abc' similar to 'a(b|c)+', 'abc' not similar to 'a_';
select make_interval(1, 2, 3, 4, 5, 6, 7.5);
select make_interval(hours => 3, mins => 30);
select justify_days(interval '35 days'), justify_interval(interval '-1 day 25 hours');
select to_timestamp(1704067200.5);
select to_timestamp('2024-01-02 03:04:05', 'YYYY-MM-DD HH24:MI:SS');
select timestamp '2024-01-01 00:00:00' at time zone 'UTC';
select timestamptz '2024-01-01 00:00:00+02' at time zone 'UTC';
select length(timeofday()) > 10;
select isfinite(timestamp '2024-01-01'), isfinite(interval '1 day');
select extract(year from date '2024-03-04'), extract(second from timestamp '2024-01-01 00:00:01.5');
select 1.0 / 3, 10 / 4.0, 1 / 3.0, 100.0 / 7;
select json_build_object('a', 1, 'b', 'x');
select pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(now()), pg_typeof(true), pg_typeof(1::bigint);
select array_positions(array[1,2,1], 1), array_replace(array[1,2,1], 1, 9);
select regexp_split_to_array('a,b,,c', ','), regexp_count('abcabc', 'b');
select regexp_matches('a1b2', '[0-9]', 'g');
select width_bucket(5.5, 0, 10, 4);
select overlay('abcdef' placing 'XY' from 3);
select num_nonnulls(1, null, 2);
select * from jsonb_each_text('{"a":1,"b":"x"}');
select * from jsonb_object_keys('{"a":1,"b":2}');
select * from jsonb_array_elements('[1,"x",null]');
select * from jsonb_array_elements_text('[1,"x",null]');
select jsonb_agg(x) from generate_series(1,2) x;
select * from generate_series(1, 10, 3);
select generate_series(1,3) as g, 'x';
select cast('1' as boolean), '0'::boolean, 'y'::boolean, 'n'::boolean, 'on'::boolean, 'no'::boolean;
select 'maybe'::boolean;
select 32767::int2 + 1::int2;
select 9223372036854775807 + 1;
select 2147483647 * 2;
select |/ 2.0;
SELECT a.attname::text, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'durations'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_name = 'durations' ORDER BY ordinal_position;

-- a column's ON DELETE SET NULL no longer keeps the statement from the dialect layer
CREATE TABLE set_null_child (id serial PRIMARY KEY, parent_id int REFERENCES named_parent(id) ON DELETE SET NULL, tags text[]);
INSERT INTO set_null_child (parent_id, tags) VALUES (1, '{a,b}');
DELETE FROM named_parent WHERE id = 1;
SELECT parent_id, tags FROM set_null_child;
SELECT conname::text FROM pg_constraint WHERE conrelid = 'set_null_child'::regclass ORDER BY 1;

-- Constraint violations: message, DETAIL and the schema/table/column/constraint fields ORMs read
CREATE TABLE cv_parent (id int PRIMARY KEY, name text UNIQUE);
CREATE TABLE cv (id serial PRIMARY KEY, a int CHECK (a > 0), b text NOT NULL, p int REFERENCES cv_parent (id), at timestamp, ok bool);
INSERT INTO cv_parent VALUES (1, 'one'), (2, 'two');
INSERT INTO cv (a, b) VALUES (-5, 'x');
INSERT INTO cv (a, b, p, at, ok) VALUES (1, 'fine', 1, TIMESTAMP '2024-01-02 03:04:05', true);
INSERT INTO cv (a) VALUES (3);
INSERT INTO cv (a, b, ok) VALUES (2, 'y', false), (-1, 'z', true);
INSERT INTO cv (a, b, p) VALUES (4, 'w', 9);
INSERT INTO cv (a, b) VALUES (-2, 'r') RETURNING id;
UPDATE cv SET a = -7 WHERE b = 'fine';
UPDATE cv SET b = NULL WHERE b = 'fine';
UPDATE cv SET p = 5 WHERE b = 'fine';
DELETE FROM cv_parent WHERE id = 1;
INSERT INTO cv_parent VALUES (1, 'uno');
INSERT INTO cv_parent VALUES (3, 'one');
INSERT INTO cv (id, a, b) VALUES (2, 1, 'dup');

-- json builders print as PostgreSQL prints json; set-returning json functions in FROM
CREATE TABLE jf (id int PRIMARY KEY, name text, body jsonb, note json);
INSERT INTO jf VALUES (1, 'a', '{"b": 2, "a": [1, null], "n": null}', '{"z":1,"y":2}'), (2, 'b', '{"k": "v"}', '[1,2]');
select json_build_object('a', 1, 'b', 'x', 'c', null, 'd', true);
select json_build_object('o', json_build_object('p', 1), 'arr', json_build_array(1, 'two', 3.5));
select json_build_object();
select jsonb_build_object('a', 1, 'b', jsonb_build_object('c', 'd'));
select json_agg(x) from generate_series(1, 3) x;
select json_agg(name ORDER BY id DESC) from jf;
select jsonb_agg(name ORDER BY id) from jf;
select json_agg(t) from (select id, name from jf order by id) t;
select row_to_json(t) from (select id, name, 1.5 AS r from jf where id = 1) t;
select row_to_json(jf) from jf where id = 2;
select jsonb_strip_nulls(body) from jf where id = 1;
select jsonb_strip_nulls('{"a": null, "b": {"c": null, "d": 1}, "e": [null]}');
select jsonb_pretty(body) from jf where id = 1;
select jsonb_pretty('[]'), jsonb_pretty('{}'), jsonb_pretty('1');
select jsonb_typeof(body -> 'a'), jsonb_typeof(body -> 'b'), jsonb_typeof(body -> 'n') from jf where id = 1;
select * from jsonb_each('{"b": 2, "a": {"x": 1}}'::jsonb);
select key, value from jsonb_each_text('{"b": 2, "a": "x", "n": null}'::jsonb) order by key;
select * from json_each('{"z": 1, "y": [2]}'::json);
select * from json_each_text('{"z": 1, "y": "w"}'::json);
select * from jsonb_array_elements('[1, "x", null, {"a": 1}]'::jsonb);
select value from jsonb_array_elements_text('[1, "x", null]'::jsonb);
select * from json_array_elements('[1, {"b":2}]'::json);
select * from jsonb_object_keys('{"b": 1, "a": 2}'::jsonb);
select k from jsonb_object_keys('{"b": 1, "a": 2}'::jsonb) AS k ORDER BY k;
select e.key, e.value from jsonb_each('{"x": 1}'::jsonb) e;
select jf.id, e.key, e.value from jf, jsonb_each(jf.body) e order by jf.id, e.key;
select jf.id, count(*) from jf, jsonb_object_keys(jf.body) k group by jf.id order by jf.id;
-- set-returning functions over another FROM item's columns (PostgreSQL's implicit LATERAL)
select jf.id, e from jf cross join lateral jsonb_array_elements(jf.body -> 'a') e order by 1;
select jf.id, e.value, e.ordinality from jf left join lateral jsonb_array_elements(jf.body -> 'a') with ordinality e on true order by 1, 3;
select jf.id, t.key, t.n from jf, jsonb_each_text(jf.body) with ordinality t(key, value, n) order by 1, 3;
select jf.id, k from jf, jsonb_object_keys(jf.body) k where k <> 'b' order by 1, 2;
select a.id, x from arr a, unnest(a.tags) x order by a.id, x;
select a.id, t.v, t.i from arr a left join lateral unnest(a.n) with ordinality t(v, i) on true order by 1, 3;
select a.id, x from arr a join lateral unnest(a.tags) x on x <> 'a' order by 1, 2;
select count(*) from arr a, unnest(a.n) x where x > 1;
select * from jsonb_array_elements('{"a": 1}'::jsonb);
select * from jsonb_each('[1]'::jsonb);

-- GROUPING SETS, ROLLUP, CUBE with grouping(), run as a UNION ALL of GROUP BYs
CREATE TABLE sales (region text, product text, qty int);
INSERT INTO sales VALUES ('east', 'a', 1), ('east', 'b', 2), ('west', 'a', 3), ('west', 'a', 4);
SELECT region, sum(qty) FROM sales GROUP BY ROLLUP (region) ORDER BY region;
SELECT region, product, sum(qty), grouping(region, product) FROM sales GROUP BY ROLLUP (region, product) ORDER BY region, product;
SELECT region, product, count(*) FROM sales GROUP BY CUBE (region, product) ORDER BY region, product;
SELECT region, product, sum(qty) AS total FROM sales GROUP BY GROUPING SETS ((region), (product), ()) ORDER BY 1, 2;
SELECT region, product, sum(qty) FROM sales WHERE qty > 1 GROUP BY region, ROLLUP (product) ORDER BY region, product;
SELECT grouping(region) AS g, region, max(qty) FROM sales GROUP BY ROLLUP (region) HAVING max(qty) > 2 ORDER BY g, region;
SELECT region, sum(qty) FROM sales GROUP BY ROLLUP (region) ORDER BY region LIMIT 2;
SELECT * FROM (SELECT region, sum(qty) FROM sales GROUP BY ROLLUP (region)) s ORDER BY 1;
WITH r AS (SELECT region, product, sum(qty) AS total, grouping(region, product) AS g FROM sales GROUP BY CUBE (region, product)) SELECT * FROM r WHERE g > 0 ORDER BY g, region, product;
SELECT count(*) FROM (SELECT region, product FROM sales GROUP BY GROUPING SETS ((region), (product), ())) x;
SELECT region, (SELECT count(*) FROM (SELECT product FROM sales GROUP BY ROLLUP (product)) p) AS n FROM sales GROUP BY region ORDER BY 1;
SELECT region, sum(qty) FROM sales GROUP BY ROLLUP (region) UNION ALL SELECT 'x', 1 ORDER BY 1, 2;
SELECT s.region, s.total FROM (SELECT region, sum(qty) AS total FROM sales GROUP BY ROLLUP (region) ORDER BY total DESC LIMIT 2) s ORDER BY 2;
SELECT region FROM sales WHERE qty IN (SELECT max(qty) FROM sales GROUP BY ROLLUP (product)) ORDER BY 1;
SELECT s.region, x.n FROM sales s, LATERAL (SELECT s.qty * 2 AS n) x ORDER BY 1, 2;
SELECT s.region, s.qty, g, pg_typeof(g) FROM sales s, generate_series(1, s.qty) g WHERE s.region = 'east' ORDER BY 2, 3;
SELECT s.qty, g FROM sales s, generate_series(s.qty, 1, -2) g ORDER BY 1, 2;
SELECT * FROM sales s, generate_series(2, s.qty) g ORDER BY 3, 4;
SELECT s.qty, u FROM sales s, unnest(ARRAY[s.qty, s.qty * 10]) u ORDER BY 1, 2;
SELECT p.product, t.qty, t.region FROM (SELECT DISTINCT product FROM sales) p, LATERAL (SELECT qty, region FROM sales x WHERE x.product = p.product ORDER BY qty DESC LIMIT 1) t ORDER BY 1;
SELECT p.product, t.qty FROM (SELECT DISTINCT product FROM sales) p LEFT JOIN LATERAL (SELECT qty FROM sales x WHERE x.product = p.product AND x.qty > 2 ORDER BY qty LIMIT 1) t ON true ORDER BY 1;
SELECT p.product, t.n, t.top FROM (SELECT DISTINCT product FROM sales) p CROSS JOIN LATERAL (SELECT count(*) AS n, max(qty) AS top FROM sales x WHERE x.product = p.product) t ORDER BY 1;
SELECT p.product, t.qty FROM (SELECT DISTINCT product FROM sales) p, LATERAL (SELECT x.qty FROM sales x WHERE x.product = p.product AND x.qty > 2) t ORDER BY 1, 2;
SELECT p.product, t.qty FROM (SELECT DISTINCT product FROM sales) p LEFT JOIN LATERAL (SELECT x.qty FROM sales x WHERE x.product = p.product AND x.qty > 2) t ON true ORDER BY 1, 2;
SELECT p.product, t.qty FROM (SELECT DISTINCT product FROM sales) p, LATERAL (SELECT x.qty FROM sales x WHERE x.product = p.product GROUP BY x.qty) t ORDER BY 1, 2;

-- result types: generate_series over integers is integer, pg_typeof is regtype
SELECT pg_typeof(g), pg_typeof(1::int8), pg_typeof('x'::text) FROM generate_series(1, 1) g;
SELECT pg_typeof(qty)::text, pg_typeof(region)::text FROM sales LIMIT 1;
SELECT * FROM generate_series(1::bigint, 2);
SELECT * FROM generate_series(1, 3) WITH ORDINALITY;
SELECT s.n, s.i FROM generate_series(10, 30, 10) WITH ORDINALITY AS s(n, i) ORDER BY s.i DESC;
SELECT region FROM sales GROUP BY ROLLUP (region) ORDER BY region;
SELECT region, product FROM sales GROUP BY GROUPING SETS ((region, product), ()) ORDER BY 1, 2;
SELECT coalesce(region, 'all regions') AS r, max(qty), count(DISTINCT product) FROM sales GROUP BY ROLLUP (region) ORDER BY r;
SELECT coalesce(region, '-'), coalesce(product, '-'), sum(qty) FROM sales GROUP BY CUBE (region, product) ORDER BY 1, 2;
-- type names for OIDs, and 0 for none, as asyncpg's introspection reads them
SELECT format_type(23, NULL), format_type(0, NULL), format_type(1007, NULL), format_type(1043, 14);
SELECT t.typname::text, t.typelem::regtype::text AS elem, t.typbasetype::regtype::text AS base FROM pg_type t WHERE t.oid IN (23, 1007) ORDER BY t.oid;

-- SQL cursors (psycopg 3's named cursors): forward-only, inside a transaction block
DECLARE outside_block CURSOR FOR SELECT 1;
BEGIN;
DECLARE c1 CURSOR FOR SELECT sku FROM items ORDER BY sku;
FETCH FORWARD 2 FROM c1;
MOVE 1 FROM c1;
FETCH NEXT FROM c1;
FETCH ALL FROM c1;
FETCH 1 FROM c1;
DECLARE c1 CURSOR FOR SELECT 1;
CLOSE c1;
FETCH FORWARD 1 FROM c1;
ROLLBACK;
BEGIN;
DECLARE "Quoted" NO SCROLL CURSOR WITHOUT HOLD FOR SELECT 1 AS n UNION ALL SELECT 2;
FETCH 5 IN "Quoted";
CLOSE ALL;
COMMIT;
MOVE 1 FROM "Quoted";
-- knex's schema builder: a column's DEFAULT after its CHECK (enu()), RENAME without COLUMN
-- (renameColumn); Sequelize's showIndex labels (AS primary, AS unique) and describeTable's
-- pg_statio_all_tables
CREATE TABLE knex_counters ("key" varchar(50), "hits" bigint not null default '0', "kind" text check ("kind" in ('page', 'api')) default 'page', constraint "knex_counters_pkey" primary key ("key"));
INSERT INTO knex_counters ("key") VALUES ('home') RETURNING "key", "hits", "kind";
INSERT INTO knex_counters ("key", "kind") VALUES ('bad', 'nope');
SELECT i.relname::text AS name, ix.indisprimary AS primary, ix.indisunique AS unique FROM pg_class t, pg_class i, pg_index ix WHERE t.oid = ix.indrelid AND i.oid = ix.indexrelid AND t.relname = 'knex_counters' ORDER BY i.relname;
SELECT relname::text, heap_blks_read, heap_blks_hit FROM pg_statio_user_tables WHERE relname = 'knex_counters';
alter table "knex_counters" add column "label" varchar(20) check ("label" <> '') default 'x';
alter table "knex_counters" rename "label" to "tag";
SELECT "key", "tag" FROM knex_counters;
-- knex: DEFAULT inside a multi-row upsert's VALUES, a jsonb column's DEFAULT '{}', and the
-- defaults as information_schema shows them (quoted literals as PostgreSQL deparses them)
CREATE TABLE knex_defaults (k varchar(10) PRIMARY KEY, n int DEFAULT '0', big bigint DEFAULT '0', flag boolean DEFAULT '1', off boolean DEFAULT 'f', label text DEFAULT 'none', code varchar(5) DEFAULT 'x', neg int DEFAULT '-1', ratio numeric DEFAULT '1.5', whole numeric DEFAULT '7', doc jsonb DEFAULT '{}', plain json DEFAULT '[]');
SELECT column_name::text, column_default::text FROM information_schema.columns WHERE table_name = 'knex_defaults' ORDER BY ordinal_position;
INSERT INTO knex_defaults (k) VALUES ('a') RETURNING k, n, big, flag, off, label, code, neg, ratio, whole, doc, plain;
INSERT INTO knex_defaults (k, n, label) VALUES ('a', 5, DEFAULT), ('b', DEFAULT, 'bee') ON CONFLICT (k) DO UPDATE SET n = excluded.n, label = excluded.label RETURNING k, n, label;
SELECT k, n, label, doc, plain FROM knex_defaults ORDER BY k;
-- TypeORM's index listing compares a boolean catalog column in a simple CASE
SELECT i.relname::text, CASE ix.indisunique WHEN 't' THEN 'TRUE' ELSE 'FALSE' END AS is_unique FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid WHERE t.relname = 'knex_counters' ORDER BY 1;
-- TypeORM reads the schema and database as functions in FROM
SELECT * FROM current_schema();
SELECT current_database::text FROM current_database();

-- numeric keeps PostgreSQL's scale: constants cast to numeric keep theirs, round/trunc answer n digits
SELECT 1.5::numeric * 2, 1::numeric / 3, 1.50::numeric, '2.50'::numeric + 1, 10::numeric / 4, 1.5 * 2;
SELECT 0.1::numeric + 0.2, 12.3400::numeric, CAST('7.10' AS numeric) * 3, 1e3::numeric, 2::numeric;
SELECT round(2.567::numeric, 2), round(12345.6789, -2), trunc(2.567::numeric, 1), round(1.5::numeric, 3), abs(-1.50::numeric);
SELECT round(price, 3), round(price, 0), trunc(price, 1), pg_typeof(round(price, 1)) FROM items WHERE sku = 'b';
CREATE TABLE nums (a numeric, b numeric(10,2));
INSERT INTO nums VALUES (1.50, 1.50), (3, 3);
SELECT b * 2, b + 1, round(a, 2), sum(b), round(avg(b), 4) FROM nums GROUP BY a, b ORDER BY b;
SELECT b / 4, avg(b) FROM nums GROUP BY b ORDER BY b;
SELECT a, a * 2 FROM nums ORDER BY b;
-- the length functions answer integer (the engine's bigint)
SELECT length(sku), char_length('abcd'), octet_length('abc'), bit_length('ab'), length(label), character_length(sku) FROM items WHERE sku = 'a';

-- temporary tables: the session's own, never logged; a temporary table's name cannot be reused
CREATE TEMP TABLE scratch (id int PRIMARY KEY, note text);
INSERT INTO scratch VALUES (1, 'one'), (2, 'two');
UPDATE scratch SET note = note || '!' WHERE id = 2 RETURNING id, note;
SELECT id, note FROM scratch ORDER BY id;
CREATE TEMPORARY TABLE scratch_copy AS SELECT id FROM scratch WHERE id > 1;
SELECT count(*) FROM scratch_copy;
CREATE TEMP TABLE scratch_rows ON COMMIT DELETE ROWS AS SELECT 1 AS a;
SELECT count(*) FROM scratch_rows;
CREATE TEMP TABLE scratch_gone (a int) ON COMMIT DROP;
SELECT * FROM scratch_gone;
CREATE TEMP TABLE scratch (id int);
INSERT INTO items (sku, qty) SELECT 'tmp' || id, id FROM scratch RETURNING sku, qty;
DELETE FROM items WHERE sku IN (SELECT 'tmp' || id FROM scratch);
DELETE FROM scratch WHERE id = 1;
TRUNCATE scratch_copy;
DROP TABLE scratch, scratch_copy;
SELECT * FROM scratch;
CREATE TEMP TABLE scratch_fk (id int REFERENCES items (id));
CREATE TEMP TABLE scratch_tree (id int PRIMARY KEY, parent int REFERENCES scratch_tree (id));
CREATE TABLE scratch_perm (id int REFERENCES scratch_tree (id));
BEGIN;
DISCARD ALL;
ROLLBACK;
DISCARD TEMP;
SELECT count(*) FROM scratch_rows;

-- integer, numeric and float arithmetic as PostgreSQL answers it: overflow names the type,
-- division by zero, integer division truncates, floats print their shortest round-trip digits
SELECT 2147483647 + 1;
SELECT 9223372036854775807 + 1;
SELECT 32767::int2 + 1::int2;
SELECT 3::int8 * 9223372036854775807;
SELECT 1 / 0;
SELECT 1::numeric / 0;
SELECT 7 / 2, -7 / 2, 7 % -2, -7 % 2, 7.5 % 2;
SELECT * FROM generate_series(1, 10, 0);
SELECT 0.1::float8 + 0.2::float8, 1e16::float4, 8.41e21::float4, 2.82879384806159e17::float8, 'NaN'::float8, '-Infinity'::float8, 1e-5::float4;
SELECT 1.5 * 2.25, 10::numeric / 4, 1::numeric / 3, round(2.5), round(-2.5), round(2.567, 2), trunc(2.567, 2), trunc(-2.5);
-- division and avg over columns: select_div_scale's scale; avg and sum of floats are float8 (sum of float4 float4)
CREATE TABLE numk (id int PRIMARY KEY, a numeric, b numeric(10,2), i int, g int8, s int2, f float8, r float4);
INSERT INTO numk VALUES (1, 1.50, 1.5, 1, 1, 1, 0.1, 0.1), (2, 2.000, 2, 2, 2, 2, 0.2, 0.2), (3, 3, 3.333, 3, 3, 3, 5, 1.5);
SELECT id, b / 3, a / 3, b / i, i / 2, g / 2, (b * 2) / 7, f / 2, r / 2, numk.b / 4.0 FROM numk ORDER BY id;
SELECT avg(i), avg(g), avg(s), avg(a), avg(b), avg(DISTINCT i), sum(b), sum(i), sum(g), avg(f), sum(f), avg(r), sum(r) FROM numk;
SELECT i, avg(b) FROM numk GROUP BY i HAVING avg(b) > 1 ORDER BY avg(b);
UPDATE numk SET b = b / 3 WHERE id = 3 RETURNING b;
-- float8 and float4 overflow is 22003, division by zero 22012; PostgreSQL's spellings of infinity
-- and NaN; a float constant out of range is 22003; float4 with float4 stays float4
SELECT 1e308::float8 * 10;
SELECT -1e308::float8 - 1e308::float8;
SELECT 1e300::float8 * 1e300;
SELECT 1::float8 / 0;
SELECT 0::float8 / 0;
SELECT 'inf'::float8, '-inf'::float8, ' Infinity '::float8, 'nan'::float8, 'INF'::float4;
SELECT 'inf'::float8 * 0, 'inf'::float8 + 1, 'inf'::float8 / 'inf'::float8, 1 / 'inf'::float8;
SELECT 1e-320::float8 * 1e-10;
SELECT 3.4e38::float4 * 10::float4;
SELECT 3.4e38::float4 * 10;
SELECT '1e400'::float8;
SELECT '1e-50'::float4;
SELECT 2.5::float8 * 4, 1.5::float4 + 1.5::float4, 10::float8 / 4, 7::float4 / 2::float4, 1 - 0.5::double precision;
SELECT id, f * 2.0::float8, r * 2::float4, f / r::float8 FROM numk ORDER BY id;
SELECT sum(f * 2.0::float8), avg(r * 1.5::float4) FROM numk;
-- an enum column and an enum cast carry the enum type's OID (compared as a user type's)
CREATE TYPE numk_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE numk_e (id int PRIMARY KEY, m numk_mood);
INSERT INTO numk_e VALUES (1, 'happy'), (2, 'sad') RETURNING m;
SELECT id, m, 'ok'::numk_mood FROM numk_e ORDER BY id;
SELECT id, avg(b) OVER (), avg(f) OVER (), sum(r) OVER (ORDER BY id), avg(i) OVER (PARTITION BY s ORDER BY id) FROM numk ORDER BY id;
SELECT avg(i) FILTER (WHERE i > 1), avg(b) FILTER (WHERE i > 1) FROM numk;
SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric;
SELECT round(2.5::float8), round(-2.5::float8), round(3.5::float8), div(10, 3), div(-7, 2), div(10.5, 3), mod(10.5, 3);
SELECT id, round(f * 10), round(r), div(b, 2) FROM numk ORDER BY id;

-- a renamed view keeps PostgreSQL's text of it; a missing database is an ERROR, not a FATAL
CREATE VIEW tools_v AS SELECT sku, qty FROM items WHERE qty > 1;
ALTER VIEW tools_v RENAME TO tools_w;
SELECT pg_get_viewdef('tools_w'::regclass), pg_get_viewdef('tools_w'::regclass, true);
ALTER TABLE tools_w RENAME TO tools_x;
SELECT viewname::text, definition FROM pg_views WHERE viewname LIKE 'tools_%';
DROP VIEW tools_x;
SELECT pg_database_size('no_such_database');
DROP DATABASE no_such_database;
SELECT pg_database_size(current_database()) > 0;
-- advisory locks held appear in pg_locks as PostgreSQL keys them (Flyway's and Liquibase's waits)
SELECT pg_try_advisory_lock(77431708279161), pg_try_advisory_lock(-5), pg_try_advisory_lock_shared(3, -4);
SELECT locktype, classid::bigint, objid::bigint, objsubid, mode, granted, fastpath, pid = pg_backend_pid() AS mine FROM pg_locks WHERE locktype = 'advisory' ORDER BY objsubid, classid, objid;
SELECT pg_advisory_unlock(77431708279161), pg_advisory_unlock(-5), pg_advisory_unlock_shared(3, -4);
SELECT count(*) FROM pg_locks WHERE locktype = 'advisory';
-- a READ ONLY transaction refuses writes and schema changes (25006); so does every statement while
-- default_transaction_read_only is on, unless a block says READ WRITE; temporary tables stay writable
CREATE TABLE ro_t (id int PRIMARY KEY);
BEGIN READ ONLY;
INSERT INTO ro_t VALUES (1);
ROLLBACK;
BEGIN;
SET TRANSACTION READ ONLY;
UPDATE ro_t SET id = 2;
ROLLBACK;
SET default_transaction_read_only = on;
INSERT INTO ro_t VALUES (3);
CREATE TABLE ro_t2 (a int);
SHOW transaction_read_only;
BEGIN READ WRITE;
INSERT INTO ro_t VALUES (4);
COMMIT;
RESET default_transaction_read_only;
CREATE TEMP TABLE ro_temp (a int);
BEGIN READ ONLY;
INSERT INTO ro_temp VALUES (1);
SELECT count(*) FROM ro_temp;
COMMIT;
SELECT * FROM ro_t ORDER BY id;
-- SHOW of a parameter the session does not track answers PostgreSQL 15's built-in value
SHOW work_mem;
SHOW max_index_keys;
SHOW maintenance_work_mem;
-- DROP of several objects: all of them or none (a missing one fails without IF EXISTS), views a
-- listed view reads dropped after it, a table named as a view (or a view as a table) is 42809
CREATE TABLE dl_a (id int PRIMARY KEY);
CREATE TABLE dl_b (id int, a_id int REFERENCES dl_a (id));
CREATE VIEW dl_v1 AS SELECT id FROM dl_a;
CREATE VIEW dl_v2 AS SELECT id FROM dl_v1;
CREATE VIEW dl_v3 AS SELECT id FROM dl_b;
CREATE SEQUENCE dl_s1;
CREATE SEQUENCE dl_s2;
CREATE INDEX dl_i1 ON dl_b (id);
CREATE INDEX dl_i2 ON dl_b (a_id);
CREATE TYPE dl_e1 AS ENUM ('x');
CREATE TYPE dl_e2 AS ENUM ('y');
CREATE TABLE dl_uses (e dl_e2);
DROP VIEW dl_v3, dl_nosuch;
DROP VIEW dl_v1, dl_v3;
DROP VIEW dl_v3, dl_a;
DROP TABLE dl_b, dl_v3;
SELECT table_name::text FROM information_schema.views WHERE table_name LIKE 'dl_%' ORDER BY 1;
DROP VIEW dl_v1, dl_v2;
DROP VIEW IF EXISTS dl_v3, dl_nosuch;
SELECT table_name::text FROM information_schema.views WHERE table_name LIKE 'dl_%' ORDER BY 1;
DROP SEQUENCE dl_s1, dl_nosuch;
DROP SEQUENCE dl_nosuch_schema.dl_s1, dl_s2;
DROP SEQUENCE IF EXISTS dl_s1, dl_nosuch, dl_s2 CASCADE;
SELECT count(*) FROM information_schema.sequences WHERE sequence_name LIKE 'dl_%';
CREATE TABLE dl_serial (id serial PRIMARY KEY);
CREATE SEQUENCE dl_s9;
DROP SEQUENCE dl_serial_id_seq;
DROP SEQUENCE dl_s9, dl_serial_id_seq;
SELECT count(*) FROM information_schema.sequences WHERE sequence_name = 'dl_s9';
DROP SEQUENCE dl_s9;
DROP TABLE dl_serial;
DROP INDEX dl_i1, dl_nosuch;
DROP INDEX CONCURRENTLY dl_i1, dl_i2;
DROP INDEX dl_i1, dl_i2;
SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'dl_%';
DROP TYPE dl_e1, dl_e2;
DROP TYPE dl_e1, dl_nosuch;
DROP TYPE IF EXISTS dl_e1, dl_nosuch;
SELECT typname::text FROM pg_type WHERE typname LIKE 'dl_e%' ORDER BY 1;
DROP TABLE dl_a, dl_nosuch;
DROP TABLE dl_a, dl_b;
DROP TABLE IF EXISTS dl_uses, dl_nosuch;
SELECT table_name::text FROM information_schema.tables WHERE table_name LIKE 'dl_%' ORDER BY 1;
-- what frameworks send often: date/time functions (ISO weeks, date + interval is a timestamp),
-- string functions (substr and trim labels), LIKE escapes, FILTER, window functions
SELECT date_trunc('month', TIMESTAMP '2024-03-15 10:20:30');
SELECT date_trunc('hour', TIMESTAMP '2024-03-15 10:20:30'), date_trunc('week', DATE '2024-03-15');
SELECT extract(year FROM TIMESTAMP '2024-03-15 10:20:30'), extract(dow FROM DATE '2024-03-17'), extract(epoch FROM TIMESTAMP '2024-01-01 00:00:00');
SELECT to_char(TIMESTAMP '2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS'), to_char(DATE '2024-03-05', 'Mon DD, YYYY'), to_char(1234.5, '9999.99');
SELECT DATE '2024-03-15' + 7, DATE '2024-03-15' - 1, DATE '2024-03-15' + interval '1 day';
SELECT TIMESTAMP '2024-03-15 10:00:00' - interval '2 hours', TIMESTAMP '2024-03-15 10:00:00' + interval '1 month';
SELECT TIMESTAMP '2024-03-15 10:00:00' - TIMESTAMP '2024-03-14 08:30:00';
SELECT date_part('year', DATE '2024-03-15'), extract(month FROM DATE '2024-03-15');
SELECT length('héllo'), substr('hello', 2, 3), left('hello', 2), right('hello', 2), lpad('7', 3, '0'), rpad('ab', 4, '-');
SELECT position('l' IN 'hello'), replace('hello', 'l', 'L'), trim('  x  '), btrim('xxhixx', 'x'), ltrim('  a'), rtrim('a  ');
SELECT concat('a', NULL, 'b'), concat_ws(',', 'a', NULL, 'b'), string_agg(x, ',') FROM (VALUES ('a'), ('b')) v(x);
SELECT upper('abc'), lower('ABC'), initcap('hello world'), repeat('ab', 3), md5('abc');
SELECT 'abc' LIKE 'a%', 'a_c' LIKE 'a\_c', 'abc' LIKE 'a\_c', 'a%c' LIKE 'a!%c' ESCAPE '!', 'ABC' ILIKE 'a%', 'abc' NOT ILIKE 'A_C';
SELECT regexp_replace('hello world', 'o', '0', 'g'), split_part('a,b,c', ',', 2), 'abc' ~* 'B';
SELECT count(*) FILTER (WHERE x > 1), sum(x) FILTER (WHERE x < 3) FROM (VALUES (1), (2), (3)) v(x);
SELECT x, row_number() OVER (ORDER BY x), rank() OVER (ORDER BY x / 2), lag(x) OVER (ORDER BY x), lead(x, 1, 0) OVER (ORDER BY x) FROM (VALUES (1), (2), (3)) v(x) ORDER BY x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), first_value(x) OVER (ORDER BY x DESC), dense_rank() OVER (ORDER BY x) FROM (VALUES (1), (2), (3)) v(x) ORDER BY x;
SELECT x, ntile(2) OVER (ORDER BY x), percent_rank() OVER (ORDER BY x), cume_dist() OVER (ORDER BY x) FROM (VALUES (1), (2), (3), (4)) v(x) ORDER BY x;
SELECT array_agg(x ORDER BY x DESC), bool_and(x > 0), bool_or(x > 2), every(x > 1) FROM (VALUES (1), (2), (3)) v(x);
SELECT coalesce(NULL, 2), nullif(1, 1), greatest(1, 3, 2), least(1, 3, 2);
SELECT make_date(2024, 2, 29), DATE '2024-02-29' + interval '1 year';
SELECT to_char(TIMESTAMP '2024-03-05 14:07:09', 'Day'), to_char(TIMESTAMP '2024-03-05 14:07:09', 'HH12:MI AM');
SELECT extract(quarter FROM DATE '2024-05-01'), extract(doy FROM DATE '2024-02-01'), extract(isodow FROM DATE '2024-03-17'), extract(week FROM DATE '2024-03-17');
SELECT date_trunc('day', TIMESTAMPTZ '2024-03-15 10:20:30+00');
SELECT to_timestamp('2024-03-05 14:07', 'YYYY-MM-DD HH24:MI'), to_date('05/03/2024', 'DD/MM/YYYY');
SELECT interval '1 day' * 2, interval '3 hours' / 2, interval '1 hour' + interval '30 minutes';
SELECT extract(epoch FROM interval '1 day 2 hours'), extract(epoch FROM interval '90 minutes');
-- values as pgjdbc's simple query mode writes them: each in parentheses, integers cast
CREATE TABLE pgjdbc_simple (id int8 PRIMARY KEY, n int4, ok boolean, u uuid, doc jsonb);
INSERT INTO pgjdbc_simple (id, n, ok, u, doc) VALUES (('1'::int8), ('-7'::int4), ('t'::boolean), ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid), ('{"k": 1}'));
UPDATE pgjdbc_simple SET doc = ('[1, 2]'), n = ('8'::int4) WHERE id = ('1'::int8);
SELECT id, n, ok, u, doc, jsonb_typeof(doc) FROM pgjdbc_simple;
INSERT INTO pgjdbc_simple (id, n) VALUES (('2'::int8), ('abc'::int4));
INSERT INTO pgjdbc_simple (id, n) VALUES (('9223372036854775808'::int8), ('1'::int4));
DELETE FROM pgjdbc_simple WHERE id = ('1'::int8) AND ok = ('true'::bool);
