-- :n accounts on distdb (H2 underneath: system_range). Same rows as fill-postgres.sql.
INSERT INTO bench_accounts (aid, bid, abalance, filler)
SELECT x, 1 + (x - 1) / 10000, 0, 'filler-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-01'
FROM system_range(1, :n) AS r(x);
