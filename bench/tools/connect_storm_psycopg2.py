#!/usr/bin/python3
"""Connect storm with psycopg2: N connections opened one after the other, each running what a
psycopg2 application's first use runs (the connection's startup, then SELECT 1 and a commit),
then closed; median, p99 and max per connection for each server DSN given, in the order given.
Bounded: N connections per server (default 1000), loopback only. Used by docs/benchmarks.md.

usage: connect_storm_psycopg2.py [-n N] NAME=DSN [NAME=DSN ...]
"""
import argparse
import statistics
import time

import psycopg2


def storm(dsn, count):
    times = []
    for _ in range(count):
        start = time.perf_counter()
        conn = psycopg2.connect(dsn)
        cur = conn.cursor()
        cur.execute("SELECT 1")
        cur.fetchone()
        conn.commit()
        conn.close()
        times.append(time.perf_counter() - start)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("servers", nargs="+", help="NAME=DSN")
    args = parser.parse_args()
    with open("/proc/loadavg") as f:
        print("load average before:", f.read().strip())
    for server in args.servers:
        name, dsn = server.split("=", 1)
        storm(dsn, min(100, args.n))  # warm-up
        times = sorted(storm(dsn, args.n))
        print("%s: %d connections, median %.2f ms, p99 %.2f ms, max %.2f ms" % (
            name, len(times), statistics.median(times) * 1e3,
            times[int(len(times) * 0.99)] * 1e3, times[-1] * 1e3))
    with open("/proc/loadavg") as f:
        print("load average after:", f.read().strip())


if __name__ == "__main__":
    main()
