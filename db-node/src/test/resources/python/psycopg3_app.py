"""psycopg 3 (Debian python3-psycopg) against one server: prints what every step answered.

Psycopg3IT runs this against PostgreSQL 15 and against distdb and compares the outputs line by
line. psycopg 3 binds parameters on the server (Parse/Bind with the types it infers from the
Python values), runs executemany in pipeline mode, and fetches named cursors with DECLARE/FETCH.
Each step prints its result or its error's class and SQLSTATE, so one failure shows every other.
Usage: psycopg3_app.py HOST PORT USER PASSWORD DATABASE
"""
import datetime
import decimal
import sys
import uuid

import psycopg
from psycopg.types.json import Json, Jsonb


def step(conn, name, fn):
    try:
        print(name, repr(fn()))
    except psycopg.Error as e:
        print(name, "ERROR", type(e).__name__, e.sqlstate)
        if not conn.autocommit and conn.info.transaction_status == psycopg.pq.TransactionStatus.INERROR:
            conn.rollback()


def rows(cur):
    return cur.fetchall()


host, port, user, password, dbname = sys.argv[1:6]
conn = psycopg.connect(host=host, port=port, user=user, password=password, dbname=dbname,
                       autocommit=True)
print("server_version", conn.info.server_version >= 150000)
cur = conn.cursor()
cur.execute("SET TIME ZONE 'UTC'")
cur.execute("DROP TABLE IF EXISTS pg3_types")
step(conn, "create", lambda: cur.execute(
    "CREATE TABLE pg3_types (id int PRIMARY KEY, i2 smallint, i8 bigint, n numeric(12,3),"
    " f8 double precision, b boolean, t text, v varchar(10), by bytea, d date, tm time,"
    " ts timestamp, tstz timestamptz, iv interval, u uuid, j json, jb jsonb, ia int[],"
    " ta text[])").statusmessage)
values = (1, -7, 2**40, decimal.Decimal("12.345"), 2.25, True, "h\u00e9llo 'q'", "abc",
          b"\x00\x01\xff", datetime.date(2020, 1, 2), datetime.time(3, 4, 5),
          datetime.datetime(2020, 1, 2, 3, 4, 5, 678000),
          datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
          datetime.timedelta(days=1, hours=2, seconds=3),
          uuid.UUID("12345678-1234-5678-1234-567812345678"), Json({"a": [1, 2]}),
          Jsonb({"b": True}), [1, None, 3], ["x", "y z"])
insert = "INSERT INTO pg3_types VALUES (" + ", ".join(["%s"] * len(values)) + ")"
step(conn, "insert", lambda: cur.execute(insert, values).rowcount)
step(conn, "insert nulls", lambda: cur.execute("INSERT INTO pg3_types (id) VALUES (%s)", (2,)).rowcount)
step(conn, "select", lambda: rows(cur.execute("SELECT * FROM pg3_types ORDER BY id")))
print("description", [(c.name, c.type_code) for c in cur.description])
step(conn, "binary select", lambda: rows(cur.execute("SELECT * FROM pg3_types ORDER BY id",
                                                      binary=True)))
step(conn, "named params", lambda: cur.execute(
    "SELECT id, t FROM pg3_types WHERE id = %(id)s AND b = %(b)s", {"id": 1, "b": True}).fetchone())
step(conn, "expressions", lambda: cur.execute(
    "SELECT %s + 1 AS a, %s || 'x' AS b, %s * 2 AS c, %s + 1 AS d, %s::text AS e",
    (41, "y", decimal.Decimal("1.5"), datetime.date(2020, 2, 28), 2**62)).fetchone())
# psycopg 3 sends str (and None) as unknown: PostgreSQL types a lone one as text, from its place elsewhere
step(conn, "untyped params", lambda: (lambda c: (c.fetchall(), [d.type_code for d in c.description]))(
    cur.execute("SELECT %s, %s, %s AS n, %s AS d", ("a", 5, None, decimal.Decimal("2.5")))))
step(conn, "unknown param compared", lambda: rows(cur.execute(
    "SELECT id FROM pg3_types WHERE id = %s OR id + 1 = %s ORDER BY id LIMIT %s", ("1", "3", "5"))))
step(conn, "array param", lambda: rows(cur.execute(
    "SELECT id FROM pg3_types WHERE id = ANY(%s) ORDER BY id", ([1, 2, 3],))))
step(conn, "literal binary", lambda: cur.execute(
    "SELECT 1::int2, 'x'::varchar, 12.50::numeric(5,2), '{1,2}'::int[], '[1]'::jsonb",
    binary=True).fetchone())

step(conn, "executemany", lambda: cur.executemany(
    "INSERT INTO pg3_types (id, t, i8) VALUES (%s, %s, %s)",
    [(10, "ten", 100), (11, "eleven", 110), (12, None, None)]) or cur.rowcount)


def executemany_returning():
    cur.executemany("INSERT INTO pg3_types (id, t) VALUES (%s, %s) RETURNING id",
                    [(13, "a"), (14, "b")], returning=True)
    out = [cur.fetchone()]
    while cur.nextset():
        out.append(cur.fetchone())
    return out


step(conn, "executemany returning", executemany_returning)
step(conn, "after executemany", lambda: rows(cur.execute(
    "SELECT id, t, i8 FROM pg3_types WHERE id >= 10 ORDER BY id")))
step(conn, "update", lambda: cur.execute("UPDATE pg3_types SET t = %s WHERE id > %s",
                                         ("big", 10)).rowcount)
step(conn, "delete", lambda: cur.execute("DELETE FROM pg3_types WHERE id = %s", (12,)).rowcount)

# Transactions: autocommit off, a commit, a rollback, a nested savepoint.
conn.autocommit = False
cur.execute("INSERT INTO pg3_types (id, t) VALUES (30, 'committed')")
conn.commit()
cur.execute("INSERT INTO pg3_types (id, t) VALUES (31, 'rolled back')")
conn.rollback()
try:
    with conn.transaction():
        cur.execute("INSERT INTO pg3_types (id, t) VALUES (32, 'outer')")
        with conn.transaction():
            cur.execute("INSERT INTO pg3_types (id, t) VALUES (33, 'inner')")
            raise psycopg.Rollback()
except psycopg.Error as e:
    print("transaction ERROR", type(e).__name__, e.sqlstate)
conn.commit()
step(conn, "transactions", lambda: rows(cur.execute(
    "SELECT id, t FROM pg3_types WHERE id >= 30 ORDER BY id")))
step(conn, "status", lambda: conn.info.transaction_status.name)
conn.rollback()
step(conn, "unique violation", lambda: cur.execute("INSERT INTO pg3_types (id) VALUES (1)"))
step(conn, "undefined table", lambda: cur.execute("SELECT * FROM pg3_nothing"))
step(conn, "after errors", lambda: cur.execute("SELECT 1").fetchone())
conn.rollback()

# A server-side (named) cursor: DECLARE, FETCH in batches, scroll, CLOSE.
with conn.cursor(name="pg3_cursor") as named:
    named.itersize = 2
    step(conn, "named cursor", lambda: [r for r in named.execute(
        "SELECT id FROM pg3_types WHERE id < %s ORDER BY id", (20,))])
    print("named description", [(c.name, c.type_code) for c in named.description])
with conn.cursor(name="pg3_cursor2") as named:
    named.execute("SELECT id, t FROM pg3_types ORDER BY id")
    step(conn, "fetchmany", lambda: named.fetchmany(2))
    step(conn, "scroll", lambda: named.scroll(1) or named.fetchone())
    step(conn, "fetchall", lambda: named.fetchall())
conn.commit()

# COPY: rows in (text format) and out.
with conn.cursor() as c:
    with c.copy("COPY pg3_types (id, t, d) FROM STDIN") as copy:
        copy.write_row((40, "copied\ttab", datetime.date(2021, 5, 6)))
        copy.write_row((41, None, None))
    print("copy in", c.rowcount)
conn.commit()
with conn.cursor() as c:
    with c.copy("COPY (SELECT id, t, d FROM pg3_types WHERE id >= 40 ORDER BY id) TO STDOUT") as copy:
        print("copy out", list(copy.rows()))
conn.commit()

conn.autocommit = True
cur.execute("DROP TABLE pg3_types")
conn.close()
print("done")
