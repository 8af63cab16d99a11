CREATE DATABASE shop;
CREATE TABLE t (id integer PRIMARY KEY, name character varying(20) NOT NULL, note text DEFAULT 'x', qty bigint);
CREATE TABLE u (a integer, b text);
CREATE INDEX u_a ON u (a);
\c shop
CREATE TABLE orders (id integer PRIMARY KEY, item text NOT NULL);
\c distdb
\l
\dt
\dt t*
\d
\d t
\d u
\d nosuch
\dn
\du
\di
select version();
select current_database(), current_user;
\set VERBOSITY sqlstate
select count(*) from pg_catalog.pg_stat_replication;
select 1 as still_connected;
