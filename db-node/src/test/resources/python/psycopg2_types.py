"""psycopg2 against one server: connect, round-trip common types, print what came back.

Run against PostgreSQL 15 and distdb by PsycopgIT, which compares the two outputs line by line.
Arguments: host port user password dbname.
"""
import datetime
import decimal
import sys
import uuid

import psycopg2
import psycopg2.extras

host, port, user, password, dbname = sys.argv[1:6]
conn = psycopg2.connect(host=host, port=port, user=user, password=password, dbname=dbname)
psycopg2.extras.register_uuid()
# DDL runs in autocommit: distdb refuses DDL inside a transaction block (25001) until
# transactional DDL lands; the rows below go through psycopg2's implicit transaction.
conn.autocommit = True
cur = conn.cursor()
cur.execute("SET TIME ZONE 'UTC'")
print("server_version", conn.server_version >= 150000)
print("encoding", conn.encoding)
cur.execute(
    "CREATE TABLE py_types (id int PRIMARY KEY, i2 smallint, i8 bigint, n numeric(10,2),"
    " f4 real, f8 double precision, b boolean, t text, v varchar(10), c char(3), d date,"
    " tm time, ts timestamp, tstz timestamp with time zone, by bytea, u uuid)"
)
values = (
    1,
    -7,
    2**40,
    decimal.Decimal("12.34"),
    1.5,
    2.25,
    True,
    "h\u00e9llo 'quoted'",
    "abc",
    "xy",
    datetime.date(2020, 1, 2),
    datetime.time(3, 4, 5),
    datetime.datetime(2020, 1, 2, 3, 4, 5, 678000),
    datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
    psycopg2.Binary(b"\x00\x01\xff"),
    uuid.UUID("12345678-1234-5678-1234-567812345678"),
)
conn.autocommit = False
cur.execute("INSERT INTO py_types VALUES (" + ", ".join(["%s"] * len(values)) + ")", values)
cur.execute("INSERT INTO py_types (id) VALUES (%s)", (2,))
conn.commit()
cur.execute("SELECT * FROM py_types ORDER BY id")
for row in cur.fetchall():
    for column, value in zip(cur.description, row):
        if isinstance(value, memoryview):
            value = bytes(value)
        print(column.name, column.type_code, type(value).__name__, repr(value))
cur.execute("SELECT count(*), sum(i8), max(d) FROM py_types WHERE b = %s", (True,))
print("aggregate", cur.fetchone())
conn.commit()

# json and jsonb through psycopg2's Json adapter (a quoted literal, typed by its column) and
# read back through psycopg2's own json/jsonb typecasters (dicts, by the type OIDs).
conn.autocommit = True
cur.execute("CREATE TABLE py_docs (id int PRIMARY KEY, j json, jb jsonb)")
doc = {"b": [1, 2.5, None], "a": {"x": "y\"z"}, "ok": True}
cur.execute("INSERT INTO py_docs VALUES (%s, %s, %s)",
            (1, psycopg2.extras.Json(doc), psycopg2.extras.Json(doc)))
cur.execute("INSERT INTO py_docs VALUES (%s, %s, %s::jsonb)", (2, psycopg2.extras.Json([1]), "[2]"))
cur.execute("UPDATE py_docs SET jb = %s WHERE id = %s", (psycopg2.extras.Json({"n": 1}), 2))
cur.execute("SELECT id, j, jb, jb -> 'a' ->> 'x', jb @> %s FROM py_docs ORDER BY id",
            (psycopg2.extras.Json({"ok": True}),))
for row in cur.fetchall():
    print("json", [type(v).__name__ for v in row], repr(row))
print("json types", [(c.name, c.type_code) for c in cur.description])
cur.execute("DROP TABLE py_docs")
cur.execute("DROP TABLE py_types")
conn.close()
print("done")
