"""SQLAlchemy 1.4 reflection and Django's introspection against one server, printed.

The recorder of catalog/sqlalchemy-queries.sql and catalog/django-queries.sql: run against a
PostgreSQL 15 with log_statement=all after catalog/schema.sql, its log holds the catalog queries
these calls send, which CatalogDifferentialIT replays on both servers. Against distdb it prints the
same as against PostgreSQL up to SQLAlchemy's get_unique_constraints, which needs arrays typed on
the wire (dialect/DESIGN.md); a test comparing the two outputs waits on that.
Arguments: host port user password dbname.
"""
import sys

import sqlalchemy
from sqlalchemy import inspect

host, port, user, password, dbname = sys.argv[1:6]

url = "postgresql+psycopg2://%s:%s@%s:%s/%s" % (user, password, host, port, dbname)
engine = sqlalchemy.create_engine(url)
insp = inspect(engine)
print("sqlalchemy default schema", insp.default_schema_name)
print("sqlalchemy schemas", [s for s in insp.get_schema_names() if s == "public"])
for table in sorted(insp.get_table_names()):
    print("sqlalchemy table", table)
    for c in insp.get_columns(table):
        print("  column", c["name"], c["type"], c["nullable"], c["default"], c.get("autoincrement"))
    print("  pk", insp.get_pk_constraint(table))
    for fk in insp.get_foreign_keys(table):
        print("  fk", sorted(fk.items()))
    for ix in sorted(insp.get_indexes(table), key=lambda i: i["name"]):
        print("  index", sorted((k, v) for k, v in ix.items() if k != "dialect_options"))
    for uc in sorted(insp.get_unique_constraints(table), key=lambda u: u["name"]):
        print("  unique", sorted(uc.items()))
print("sqlalchemy views", sorted(insp.get_view_names()))
print("sqlalchemy sequences", sorted(insp.get_sequence_names()))
engine.dispose()

import django
from django.conf import settings

settings.configure(
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "HOST": host,
            "PORT": port,
            "USER": user,
            "PASSWORD": password,
            "NAME": dbname,
        }
    },
    INSTALLED_APPS=[],
    USE_TZ=True,
)
django.setup()
from django.db import connection

with connection.cursor() as cursor:
    intro = connection.introspection
    tables = sorted(intro.get_table_list(cursor), key=lambda t: t.name)
    for t in tables:
        print("django table", t.name, t.type)
    for t in tables:
        for d in intro.get_table_description(cursor, t.name):
            print("  column", t.name, tuple(d))
        print("  sequences", t.name, intro.get_sequences(cursor, t.name))
        print("  relations", t.name, sorted(intro.get_relations(cursor, t.name).items()))
        print("  pk", t.name, intro.get_primary_key_column(cursor, t.name))
        for name, c in sorted(intro.get_constraints(cursor, t.name).items()):
            if name.startswith("__"):
                continue
            print("  constraint", t.name, name, sorted(c.items()))
    print("django table_names", intro.table_names(cursor))
    # manage.py migrate asks whether its ledger exists before it takes any step.
    print("django migrations table", "django_migrations" in intro.table_names(cursor))

import io

from django.core.management import call_command

out = io.StringIO()
call_command("inspectdb", stdout=out)
for line in out.getvalue().splitlines():
    print("inspectdb", line)
