-- Single-row autocommit INSERT (one durable commit per transaction).
-- pgbench has no per-client sequence and distdb refuses random() in writes, so the primary key is
-- a pgbench-side random number in [1, 9e18]: for the ~10^6 rows a full benchmark writes, the
-- chance of any collision is about n^2 / (2 * 9e18) < 1e-6. (A collision would surface as a
-- failed transaction in pgbench's output, not as a silently wrong number.)
\set id random(1, 9000000000000000000)
\set aid random(1, 100000)
\set delta random(-5000, 5000)
INSERT INTO bench_history (id, aid, delta, note) VALUES (:id, :aid, :delta, 'pgbench');
