-- Point SELECT by primary key, uniformly over the 100,000 loaded accounts.
\set aid random(1, 100000)
SELECT abalance FROM bench_accounts WHERE aid = :aid;
