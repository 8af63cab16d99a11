"""Django (Debian python3-django, 3.2) ORM against a server; prints what it saw.

DjangoIT runs this against PostgreSQL 15 and against distdb and compares the output.
Usage: django_app.py HOST PORT USER PASSWORD DATABASE
"""
import datetime
import os
import sys
import tempfile

host, port, user, password, database = sys.argv[1:6]

# Django needs its models in an importable application: write a small one next to the script.
APP_DIR = tempfile.mkdtemp(prefix="distdb-django-")
os.makedirs(os.path.join(APP_DIR, "shop"))
with open(os.path.join(APP_DIR, "shop", "__init__.py"), "w") as f:
    f.write("")
with open(os.path.join(APP_DIR, "shop", "models.py"), "w") as f:
    f.write('''
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100, unique=True)
    joined = models.DateTimeField()


class Tag(models.Model):
    label = models.CharField(max_length=30, unique=True)


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    price = models.DecimalField(max_digits=8, decimal_places=2)
    pages = models.IntegerField()
    published = models.DateTimeField()
    data = models.JSONField(default=dict)
    tags = models.ManyToManyField(Tag, related_name="books")
''')
sys.path.insert(0, APP_DIR)

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.configure(
    DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "HOST": host, "PORT": port,
                           "USER": user, "PASSWORD": password, "NAME": database}},
    INSTALLED_APPS=["shop"],
    USE_TZ=True,
    TIME_ZONE="UTC",
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
)
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Avg, Count, F, Max, Q, Sum  # noqa: E402
from django.db.models.functions import ExtractYear, Lower, TruncMonth  # noqa: E402
from shop.models import Author, Book, Tag  # noqa: E402

UTC = datetime.timezone.utc

# DDL inside a transaction block is refused by distdb today (25001) and `migrate` needs catalog
# work: create the tables statement by statement, each autocommitted.
with connection.schema_editor(atomic=False) as editor:
    for model in (Author, Tag, Book):
        editor.create_model(model)
print("schema created")

ann = Author.objects.create(name="Ann", joined=datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC))
bob = Author.objects.create(name="Bob", joined=datetime.datetime(2021, 6, 7, 8, 9, 10, tzinfo=UTC))
print("authors", [(a.name, a.joined.isoformat()) for a in Author.objects.order_by("name")])

Book.objects.bulk_create([
    Book(title="Tea", author=ann, price="9.50", pages=120,
         published=datetime.datetime(2022, 1, 1, 12, 0, tzinfo=UTC),
         data={"owner": "ann", "n": 3, "tags": ["hot", "green"], "shelf": {"row": 2}}),
    Book(title="Cake", author=ann, price="12.00", pages=300,
         published=datetime.datetime(2022, 5, 1, 9, 30, tzinfo=UTC),
         data={"owner": "bob", "n": 1}),
    Book(title="Jam", author=bob, price="4.25", pages=80,
         published=datetime.datetime(2023, 3, 3, 3, 3, 3, tzinfo=UTC), data={}),
])
print("books", list(Book.objects.order_by("title").values_list("title", "price", "pages")))

hot = Tag.objects.create(label="hot")
sweet = Tag.objects.create(label="sweet")
Book.objects.get(title="Tea").tags.add(hot)
Book.objects.get(title="Cake").tags.add(hot, sweet)
print("tagged hot", list(Book.objects.filter(tags__label="hot").order_by("title")
                         .values_list("title", flat=True)))
print("tags of cake", sorted(t.label for t in Book.objects.get(title="Cake").tags.all()))

print("json round trip", Book.objects.get(title="Tea").data)
print("json key", list(Book.objects.filter(data__owner="bob").values_list("title", flat=True)))
print("json nested", list(Book.objects.filter(data__shelf__row=2).values_list("title", flat=True)))
print("json has_key", list(Book.objects.filter(data__has_key="n").order_by("title")
                           .values_list("title", flat=True)))
print("json contains", list(Book.objects.filter(data__contains={"owner": "ann"})
                            .values_list("title", flat=True)))
print("json key text", list(Book.objects.filter(data__owner__startswith="a")
                            .values_list("title", flat=True)))

print("json more", list(Book.objects.filter(data__n__gt=1).values_list("title", flat=True)),
      list(Book.objects.filter(data__owner__in=["ann", "bob"]).order_by("title")
           .values_list("title", flat=True)),
      list(Book.objects.filter(data__tags__0="hot").values_list("title", flat=True)),
      list(Book.objects.filter(data__has_keys=["n", "owner"]).order_by("title")
           .values_list("title", flat=True)),
      list(Book.objects.filter(data__has_any_keys=["shelf", "nope"])
           .values_list("title", flat=True)),
      list(Book.objects.filter(data__contained_by={"owner": "bob", "n": 1, "x": 0})
           .values_list("title", flat=True)),
      list(Book.objects.filter(data__shelf__isnull=True).order_by("title")
           .values_list("title", flat=True)))
print("lookups", list(Book.objects.filter(Q(title__icontains="A") | Q(pages__lt=100))
                      .exclude(title__iexact="jam").order_by("title").values_list("title", flat=True)),
      Book.objects.filter(title__in=["Tea", "Nope"]).exists(),
      list(Book.objects.order_by("title")[1:3].values_list("title", flat=True)),
      list(Author.objects.filter(books__pages__gt=100).distinct().values_list("name", flat=True)))
print("date lookups", list(Book.objects.filter(published__month=5).values_list("title", flat=True)),
      list(Book.objects.filter(published__date=datetime.date(2022, 1, 1))
           .values_list("title", flat=True)),
      [d.isoformat() for d in Book.objects.dates("published", "year")])
print("grouped", list(Book.objects.values("author__name").annotate(n=Count("id"), p=Sum("pages"))
                      .order_by("author__name")))
author, created = Author.objects.get_or_create(
    name="Bob", defaults={"joined": datetime.datetime(2000, 1, 1, tzinfo=UTC)})
print("get_or_create", author.name, created)
print("functions", list(Book.objects.annotate(t=Lower("title"), y=ExtractYear("published"),
                                              d=TruncMonth("published"))
                        .order_by("title").values_list("t", "y", "d")))
print("filter", list(Book.objects.filter(price__gte=5, author__name__startswith="A")
                     .order_by("-price").values_list("title", flat=True)))
print("dates", list(Book.objects.filter(published__year=2022).order_by("published")
                    .values_list("title", flat=True)))

with_authors = Book.objects.select_related("author").order_by("title")
print("select_related", [(b.title, b.author.name) for b in with_authors])

print("aggregate", Book.objects.aggregate(n=Count("id"), total=Sum("pages"), top=Max("price"),
                                          mean=Avg("pages")))
print("annotate", list(Author.objects.annotate(n=Count("books")).order_by("name")
                       .values_list("name", "n")))

updated = Book.objects.filter(author=ann).update(pages=F("pages") + 10)
print("updated", updated, list(Book.objects.order_by("title").values_list("title", "pages")))
jam = Book.objects.get(title="Jam")
jam.data = {"owner": "bob", "note": "sticky"}
jam.save()
print("json saved", Book.objects.get(title="Jam").data)

with transaction.atomic():
    Author.objects.create(name="Cyd", joined=datetime.datetime(2024, 1, 1, tzinfo=UTC))
try:
    with transaction.atomic():
        Author.objects.create(name="Dee", joined=datetime.datetime(2024, 2, 2, tzinfo=UTC))
        raise RuntimeError("roll back")
except RuntimeError:
    pass
print("after atomic", list(Author.objects.order_by("name").values_list("name", flat=True)))

deleted, _ = Book.objects.filter(title="Jam").delete()
print("deleted", deleted, Book.objects.count())
Author.objects.filter(name="Ann").delete()
print("cascade", Book.objects.count(), Author.objects.count())
print("done")
