-- :n accounts on PostgreSQL (generate_series). Same rows as fill-distdb.sql.
INSERT INTO bench_accounts (aid, bid, abalance, filler)
SELECT x, 1 + (x - 1) / 10000, 0, 'filler-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-01'
FROM generate_series(1, :n) AS r(x);
-- pgbench runs with -n (no vacuum), so collect statistics and set hint bits once here.
VACUUM ANALYZE bench_accounts;
