-- pgbench -N ("simple update"): one transaction of UPDATE + SELECT + INSERT, without the
-- tellers/branches updates of TPC-B. Ids as in insert.sql (pgbench-side random primary key).
\set id random(1, 9000000000000000000)
\set aid random(1, 100000)
\set delta random(-5000, 5000)
BEGIN;
UPDATE bench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
SELECT abalance FROM bench_accounts WHERE aid = :aid;
INSERT INTO bench_history (id, aid, delta, note) VALUES (:id, :aid, :delta, 'pgbench-N');
END;
