-- The schema the catalog tests introspect (CatalogDifferentialIT, IntrospectionIT, PgMetaDataIT),
-- created alike on PostgreSQL 15 and distdb: primary, foreign and unique keys, a composite key,
-- indexes, defaults, serial, a sequence, a view, various types. One statement a line.
CREATE TABLE parent (id serial PRIMARY KEY, name varchar(20) NOT NULL UNIQUE, note text, created timestamp DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE child (id bigint PRIMARY KEY, parent_id int REFERENCES parent (id) ON DELETE CASCADE, amount numeric(10,2) DEFAULT 0, flag boolean NOT NULL DEFAULT true, code char(3), ratio double precision, UNIQUE (code, flag));
CREATE INDEX child_amount_idx ON child (amount);
CREATE UNIQUE INDEX child_ratio_code_idx ON child (ratio, code);
CREATE TABLE pair (b int NOT NULL, a int NOT NULL, at date, payload bytea, u uuid, PRIMARY KEY (b, a));
CREATE INDEX ON pair (at);
CREATE SEQUENCE counter_seq;
CREATE VIEW named_parent AS SELECT id, name FROM parent;
