-- :n accounts on distdb. Same rows as fill-postgres.sql (generate_series: H2's own system_range is
-- refused, like every engine-only function).
INSERT INTO bench_accounts (aid, bid, abalance, filler)
SELECT x, 1 + (x - 1) / 10000, 0, 'filler-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-01'
FROM generate_series(1, :n) AS r(x);
