"""Django (Debian python3-django) `migrate` of its contrib apps, then introspection; prints what it saw.

DjangoIntrospectionIT runs this against PostgreSQL 15 and against distdb and compares the output. Django
runs every migration inside a transaction on PostgreSQL (can_rollback_ddl), so this needs
transactional DDL, and its introspection needs pg_catalog.
Usage: django_introspection.py HOST PORT USER PASSWORD DATABASE
"""
import io
import sys

import django
from django.conf import settings

host, port, user, password, database = sys.argv[1:6]
settings.configure(
    DEBUG=False,
    USE_TZ=True,
    SECRET_KEY="not-a-secret",
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.admin",
        "django.contrib.messages",
    ],
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "HOST": host,
            "PORT": port,
            "USER": user,
            "PASSWORD": password,
            "NAME": database,
        }
    },
)
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

call_command("migrate", verbosity=0, interactive=False)
out = io.StringIO()
call_command("showmigrations", stdout=out)
print(out.getvalue().strip())

tables = sorted(t.name for t in connection.introspection.get_table_list(connection.cursor())
                if t.name.startswith(("auth_", "django_")))
print("tables", tables)
with connection.cursor() as cur:
    for table in ["auth_user", "auth_user_groups", "django_content_type"]:
        desc = connection.introspection.get_table_description(cur, table)
        print(table, [(c.name, c.null_ok) for c in desc])
        cons = connection.introspection.get_constraints(cur, table)
        # Constraint names differ between servers (generated); what they constrain must not.
        print(" constraints", sorted(
            repr((v["columns"], bool(v["primary_key"]), bool(v["unique"]),
                  tuple(v["foreign_key"] or ()), bool(v["index"]))) for v in cons.values()))
    print(" sequences", connection.introspection.get_sequences(cur, "auth_user"))

from django.contrib.auth.models import Group, Permission, User  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402

print("content types", ContentType.objects.count(), "permissions", Permission.objects.count())
u = User.objects.create_user("ada", "ada@example.com", "pw")
g = Group.objects.create(name="editors")
u.groups.add(g)
u.user_permissions.add(Permission.objects.get(codename="add_user"))
print("user", u.username, list(u.groups.values_list("name", flat=True)),
      u.has_perm("auth.add_user"))

# A migration-like block that fails half-way leaves nothing behind.
try:
    with transaction.atomic():
        with connection.schema_editor(atomic=False) as editor:
            editor.execute("CREATE TABLE half_done (id int PRIMARY KEY)")
            editor.execute("INSERT INTO half_done VALUES (1)")
            editor.execute("ALTER TABLE no_such_table ADD COLUMN x int")
except Exception as e:  # noqa: BLE001
    print("failed migration", type(e).__name__)
print("half_done exists", "half_done" in connection.introspection.table_names())

out = io.StringIO()
call_command("inspectdb", "auth_group", "django_session", stdout=out)
print("\n".join(l for l in out.getvalue().splitlines() if not l.startswith("#")).strip())
