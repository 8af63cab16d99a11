"""Django's contrib migrations (auth, contenttypes, sessions, admin) with `migrate`, each
migration in a transaction (Django's default on PostgreSQL), then a little ORM use.
Arguments: HOST PORT USER PASSWORD DATABASE. Prints what was applied and what the ORM sees."""
import sys

import django
from django.conf import settings

host, port, user, password, name = sys.argv[1:6]
settings.configure(
    DEBUG=False,
    USE_TZ=True,
    SECRET_KEY="test-only",
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
            "NAME": name,
        }
    },
)
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

call_command("migrate", verbosity=0, interactive=False)

with connection.cursor() as c:
    c.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    for app, migration in c.fetchall():
        print("applied", app, migration)
    c.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = 'django_content_type' ORDER BY column_name"
    )
    print("django_content_type columns", [r[0] for r in c.fetchall()])

from django.contrib.auth.models import Group, Permission, User  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402

u = User.objects.create_user("ann", "ann@example.org", "pw")
g = Group.objects.create(name="editors")
g.permissions.add(*Permission.objects.filter(codename__startswith="change_"))
u.groups.add(g)
print("content types", ContentType.objects.count())
print("permissions", Permission.objects.count())
print("ann can change users", User.objects.get(username="ann").has_perm("auth.change_user"))
print("users like an", list(User.objects.filter(username__startswith="an").values_list("username", flat=True)))
