"""asyncpg (Debian python3-asyncpg) against one server: prints what every step answered.

AsyncpgIT runs this against PostgreSQL 15 and against distdb and compares the outputs line by
line. asyncpg speaks only the extended protocol, asks for binary results, and introspects each
type it has not seen through pg_catalog (pg_type, ranges, domains, composites) before decoding it.
Each step prints its result or its error's class and SQLSTATE, so one failure shows every other.
Usage: asyncpg_app.py HOST PORT USER PASSWORD DATABASE
"""
import asyncio
import datetime
import decimal
import json
import sys
import uuid

import asyncpg


def show(value):
    if isinstance(value, asyncpg.Record):
        return "Record(" + ", ".join(f"{k}={show(v)}" for k, v in value.items()) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return f"{type(value).__name__}:{value!r}"


async def step(name, awaitable):
    try:
        print(name, show(await awaitable))
    except Exception as e:  # noqa: BLE001: the class and SQLSTATE are the result
        print(name, "ERROR", type(e).__name__, getattr(e, "sqlstate", None))


async def main(host, port, user, password, database):
    conn = await asyncpg.connect(host=host, port=int(port), user=user,
                                 password=password or None, database=database)
    print("server_version", conn.get_server_version() >= (15, 0))
    await conn.execute("SET TIME ZONE 'UTC'")
    await conn.execute("DROP TABLE IF EXISTS ap_child")
    await conn.execute("DROP TABLE IF EXISTS ap_types")
    await step("create", conn.execute(
        "CREATE TABLE ap_types (id int PRIMARY KEY, i2 smallint, i8 bigint, n numeric(12,3),"
        " f4 real, f8 double precision, b boolean, t text, v varchar(10), by bytea, d date,"
        " ts timestamp, tstz timestamptz, iv interval, u uuid, j json, jb jsonb,"
        " ia int[], ta text[])"))
    row = (1, -7, 2**40, decimal.Decimal("12.345"), 1.5, 2.25, True, "h\u00e9llo 'q'", "abc",
           b"\x00\x01\xff", datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5, 678000),
           datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
           datetime.timedelta(days=1, hours=2, seconds=3),
           uuid.UUID("12345678-1234-5678-1234-567812345678"), json.dumps({"a": [1, 2]}),
           json.dumps({"b": True}), [1, None, 3], ["x", "y z"])
    insert = ("INSERT INTO ap_types VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
              " $13, $14, $15, $16, $17, $18, $19)")
    await step("insert", conn.execute(insert, *row))
    await step("insert nulls", conn.execute("INSERT INTO ap_types (id) VALUES ($1)", 2))
    await step("fetch", conn.fetch("SELECT * FROM ap_types ORDER BY id"))
    await step("fetchrow", conn.fetchrow("SELECT id, t, n FROM ap_types WHERE id = $1", 1))
    await step("fetchval", conn.fetchval("SELECT count(*) FROM ap_types WHERE b = $1", True))
    await step("fetchval none", conn.fetchval("SELECT t FROM ap_types WHERE id = $1", 99))
    await step("expressions", conn.fetchrow(
        "SELECT $1::int + 1 AS a, $2::text || 'x' AS b, $3::numeric * 2 AS c,"
        " $4::date + 1 AS d, $5::bigint AS e, $6::float8 / 2 AS f", 41, "y",
        decimal.Decimal("1.5"), datetime.date(2020, 2, 28), 2**62, 3.0))
    await step("literals", conn.fetchrow(
        "SELECT 1::int2 AS a, 'x'::varchar AS b, true AS c, NULL::text AS d,"
        " '2020-01-02 03:04:05'::timestamp AS e, '1 day 02:00:00'::interval AS f,"
        " '{1,2}'::int[] AS g, '[1]'::jsonb AS h, 12.50::numeric(5,2) AS i"))
    await step("executemany", conn.executemany(
        "INSERT INTO ap_types (id, t, i8) VALUES ($1, $2, $3)",
        [(10, "ten", 100), (11, "eleven", 110), (12, None, None)]))
    await step("after executemany",
               conn.fetch("SELECT id, t, i8 FROM ap_types WHERE id >= 10 ORDER BY id"))
    await step("update", conn.execute("UPDATE ap_types SET t = $1 WHERE id > $2", "big", 10))
    await step("delete", conn.execute("DELETE FROM ap_types WHERE id = $1", 12))
    await step("returning", conn.fetch(
        "INSERT INTO ap_types (id, t) VALUES ($1, $2) RETURNING id, t", 20, "r"))
    await step("array param", conn.fetch(
        "SELECT id FROM ap_types WHERE id = ANY($1::int[]) ORDER BY id", [1, 10, 20]))
    await step("array column", conn.fetchrow("SELECT ia, ta FROM ap_types WHERE id = 1"))
    await step("json column", conn.fetchrow("SELECT j, jb, jb -> 'b' AS x FROM ap_types WHERE id = 1"))

    # Transactions: a committed one, a rolled back one, a savepoint.
    async with conn.transaction():
        await conn.execute("INSERT INTO ap_types (id, t) VALUES (30, 'committed')")
    try:
        async with conn.transaction():
            await conn.execute("INSERT INTO ap_types (id, t) VALUES (31, 'rolled back')")
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    async with conn.transaction():
        await conn.execute("INSERT INTO ap_types (id, t) VALUES (32, 'outer')")
        try:
            async with conn.transaction():
                await conn.execute("INSERT INTO ap_types (id, t) VALUES (33, 'inner')")
                raise RuntimeError("roll back the savepoint")
        except RuntimeError:
            pass
    await step("transactions", conn.fetch("SELECT id, t FROM ap_types WHERE id >= 30 ORDER BY id"))
    await step("isolation", conn.fetchval("SHOW transaction_isolation"))
    async with conn.transaction(isolation="serializable", readonly=True):
        await step("serializable", conn.fetchval("SHOW transaction_isolation"))

    # Errors keep their SQLSTATE and leave the connection usable.
    await step("unique violation", conn.execute("INSERT INTO ap_types (id) VALUES (1)"))
    await step("undefined table", conn.fetch("SELECT * FROM ap_nothing"))
    await step("division by zero", conn.fetchval("SELECT 1 / $1::int", 0))
    await step("after errors", conn.fetchval("SELECT 1"))

    # Prepared statements and cursors.
    stmt = await conn.prepare("SELECT id, t FROM ap_types WHERE id < $1 ORDER BY id")
    print("prepared params", [t.name for t in stmt.get_parameters()])
    print("prepared attrs", [(a.name, a.type.name) for a in stmt.get_attributes()])
    await step("prepared fetch", stmt.fetch(11))
    await step("prepared fetchval", stmt.fetchval(2))
    async with conn.transaction():
        rows = [r async for r in conn.cursor("SELECT id FROM ap_types ORDER BY id", prefetch=2)]
        print("cursor", show(rows))
        cur = await conn.cursor("SELECT id FROM ap_types ORDER BY id")
        await step("cursor fetch", cur.fetch(3))
        await step("cursor forward", cur.forward(1))
        await step("cursor fetchrow", cur.fetchrow())

    # Foreign keys, a serial column.
    await step("child table", conn.execute(
        "CREATE TABLE ap_child (id serial PRIMARY KEY, parent int REFERENCES ap_types (id),"
        " note text NOT NULL DEFAULT 'none')"))
    await step("serial insert", conn.fetch(
        "INSERT INTO ap_child (parent) VALUES ($1), ($2) RETURNING id, note", 1, 10))
    await step("fk violation", conn.execute("INSERT INTO ap_child (parent) VALUES (999)"))
    await step("join", conn.fetch(
        "SELECT c.id, p.t FROM ap_child c JOIN ap_types p ON p.id = c.parent ORDER BY c.id"))

    # COPY: binary records in, rows out.
    await step("copy in", conn.copy_records_to_table(
        "ap_child", records=[(100, 1, "copied"), (101, 10, "also")],
        columns=["id", "parent", "note"]))
    await step("after copy", conn.fetch("SELECT id, note FROM ap_child WHERE id >= 100 ORDER BY id"))
    copied = []

    async def collect(data):
        copied.append(bytes(data))

    await step("copy out", conn.copy_from_query(
        "SELECT id, note FROM ap_child ORDER BY id", output=collect, format="csv"))
    print("copy out text", repr(b"".join(copied)))

    await conn.execute("DROP TABLE ap_child")
    await conn.execute("DROP TABLE ap_types")
    await conn.close()
    print("done")


asyncio.run(main(*sys.argv[1:6]))
