-- COPY through psql, compared line by line with PostgreSQL 15 (CopyIT writes the data files).
CREATE TABLE items (id int PRIMARY KEY, name text, price numeric(10,2), ok boolean, born date, data bytea, n bigint);
\copy items from 'items.tsv'
\copy items (id, name, ok) from 'items.csv' with (format csv, header true)
\copy items from 'semicolon.txt' csv delimiter ';' null 'NA' quote ''''
SELECT * FROM items ORDER BY id;
COPY items TO STDOUT;
COPY items (id, name) TO STDOUT WITH CSV HEADER;
COPY (SELECT id, name, price FROM items WHERE id > 2 ORDER BY id) TO STDOUT (FORMAT csv, DELIMITER ';', NULL 'NA');
COPY (SELECT id, name FROM items WHERE id < 3 ORDER BY id) TO STDOUT (FORMAT text, HEADER);
COPY (VALUES (1, 'a,b', NULL::text), (2, E'tab\there', '')) TO STDOUT CSV;
\copy (SELECT id, name FROM items ORDER BY id) to 'out.csv' csv
\copy items from 'bad-int.tsv'
\copy items from 'bad-bool.csv' csv
\copy items from 'short.tsv'
\copy items from 'long.tsv'
\copy items from 'unterminated.csv' csv
\copy items from 'range.csv' csv
\copy items from 'header-mismatch.csv' (format csv, header match)
SELECT count(*) FROM items;
BEGIN;
\copy items (id, name) from 'more.tsv'
SELECT count(*) FROM items;
ROLLBACK;
BEGIN;
\copy items (id, name) from 'more.tsv'
COMMIT;
SELECT count(*) FROM items;
COPY items TO STDOUT (DELIMITER 'ab');
COPY items FROM STDIN (QUOTE '"');
COPY nosuch FROM STDIN;
COPY items (nosuch) TO STDOUT;
