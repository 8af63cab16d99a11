-- Tables for the pgbench workloads in bench/workloads/. Same DDL on distdb and PostgreSQL.
CREATE TABLE bench_accounts (
  aid      INT PRIMARY KEY,
  bid      INT NOT NULL,
  abalance INT NOT NULL,
  filler   VARCHAR(84)
);
-- Written by workloads/insert.sql: random 63-bit ids (see the comment there).
CREATE TABLE bench_history (
  id    BIGINT PRIMARY KEY,
  aid   INT NOT NULL,
  delta INT NOT NULL,
  note  VARCHAR(22)
);
