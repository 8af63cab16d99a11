"""pgcli (Debian pgcli 3.5, over psycopg 3 and pgspecial) against a server, as it starts up and as
a user types its backslash commands; prints what it saw.

PgcliIT runs this against PostgreSQL 15 and against distdb and compares the output. pgcli needs a
terminal, so the script drives the objects pgcli's main loop drives: PGExecute connects as pgcli
does, every completion refresher (pgcli.completion_refresher) fills a PGCompleter as the background
refresh at startup does, and PGExecute.run executes SQL and pgspecial's backslash commands as the
prompt does. The completer's metadata is printed for the user's schema (functions and types of
pg_catalog are the server's own).
Usage: pgcli_app.py HOST PORT USER PASSWORD DATABASE
"""
import builtins
import re
import sys

from pgcli.completion_refresher import CompletionRefresher
from pgcli.pgcompleter import PGCompleter
from pgcli.pgexecute import PGExecute
from pgspecial.main import PGSpecial

host, port, user, password, database = sys.argv[1:6]



def masked_print(*args):
    """The servers' user names differ and table sizes are each engine's own: both are masked."""
    text = " ".join(str(a) for a in args).replace(repr(user), "'USER'")
    builtins.print(re.sub(r"'\d+ (bytes|kB|MB)'", "'SIZE'", text))


print = masked_print
executor = PGExecute(database, user, password, host, port)
special = PGSpecial()


def run(step, sql):
    """Runs what a user typed at the prompt; prints each result's header, rows and status."""
    try:
        for title, cur, headers, status, _, _, _ in executor.run(sql, pgspecial=special):
            rows = list(cur) if cur is not None else []
            print(step, "headers", list(headers or []))
            for row in rows:
                print(step, "  ", tuple(row))
            print(step, "status", status)
    except Exception as e:
        print(step, "failed", type(e).__name__, str(e).splitlines()[0])
        if executor.failed_transaction():
            executor.conn.rollback()


for sql in [
    "DROP TABLE IF EXISTS pc_order, pc_customer CASCADE",
    "DROP TYPE IF EXISTS pc_state",
    "DROP SEQUENCE IF EXISTS pc_ticket",
    "CREATE TYPE pc_state AS ENUM ('new', 'done')",
    "CREATE TABLE pc_customer (id serial PRIMARY KEY, name varchar(40) NOT NULL UNIQUE, note text)",
    "CREATE TABLE pc_order (id bigint PRIMARY KEY, customer_id int REFERENCES pc_customer (id),"
    " state pc_state DEFAULT 'new', amount numeric(10,2))",
    "CREATE INDEX pc_order_customer ON pc_order (customer_id)",
    "CREATE VIEW pc_big AS SELECT id, amount FROM pc_order WHERE amount > 100",
    "CREATE SEQUENCE pc_ticket",
    "COMMENT ON TABLE pc_customer IS 'who orders'",
]:
    executor.conn.execute(sql)

# The startup refresh: every refresher, in pgcli's order, into one completer.
completer = PGCompleter(smart_completion=True, pgspecial=special)
for name, refresh in CompletionRefresher.refreshers.items():
    try:
        refresh(completer, executor)
        print("refresh", name, "ok")
    except Exception as e:
        print("refresh", name, "failed", type(e).__name__, str(e).splitlines()[0])
print("search_path", executor.search_path())
print("schemata has public", "public" in completer.dbmetadata["tables"])
meta = completer.dbmetadata
for kind in ("tables", "views"):
    for rel, cols in sorted(meta[kind].get("public", {}).items()):
        if rel.startswith("pc_"):
            print(kind, rel, [(c, m.datatype, m.has_default) for c, m in cols.items()])
            for c, m in cols.items():
                for fk in m.foreignkeys:
                    print("  fk", fk.parentschema, fk.parenttable, fk.parentcolumn, "->",
                          fk.childtable, fk.childcolumn)
print("datatypes", sorted(t for t in meta["datatypes"].get("public", {}) if t.startswith("pc_")))
print("database listed", database in completer.databases)
print("functions known", len(meta["functions"].get("pg_catalog", {})) > 100,
      sorted(f for f in meta["functions"].get("pg_catalog", {})
             if f in ("now", "count", "lower", "generate_series", "pg_get_viewdef")))

# Completions a user sees after typing.
from prompt_toolkit.document import Document
for text in ["SELECT * FROM pc_", "SELECT na FROM pc_customer", "SELECT * FROM pc_order o JOIN "]:
    found = sorted({c.text for c in completer.get_completions(Document(text), None)
                    if "pc_" in c.text or c.text in ("name", "note") or "JOIN" in c.text
                    or c.text.startswith("pc")})
    print("complete", repr(text), found[:8])

# What a user types.
run("insert", "INSERT INTO pc_customer (name) VALUES ('ann'), ('bo') RETURNING id, name")
run("select", "SELECT c.name, count(o.id) FROM pc_customer c LEFT JOIN pc_order o"
    " ON o.customer_id = c.id GROUP BY c.name ORDER BY 1")
for command in ["\\dt", "\\dt+ pc_*", "\\d pc_order", "\\d pc_big", "\\dv", "\\di", "\\ds",
                "\\dn", "\\dT", "\\df pc_*", "\\du distdb_nobody", "\\l nosuchdb", "\\dD", "\\dx",
                "\\dE"]:
    run(command, command)
print("done")
