"""Alembic (Debian python3-alembic, 1.8) migrations against a server, as a user runs them; prints
what it saw.

AlembicIT runs this against PostgreSQL 15 and against distdb and compares the output. The script
writes an Alembic environment (alembic.ini, env.py and three revisions in the shape `alembic
revision --autogenerate` writes them) into a temporary directory and drives it through
alembic.command, which is what the `alembic` command line calls: upgrade head, current, history,
an autogenerate comparison of the models with the migrated schema (it reflects every table, column,
index, unique and foreign key, and must find nothing to do), downgrade -1, downgrade base and
upgrade head again, and the offline (--sql) mode's first lines.
Usage: alembic_app.py HOST PORT USER PASSWORD DATABASE
"""
import contextlib
import io
import os
import sys
import tempfile
import textwrap

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
import sqlalchemy as sa

host, port, user, password, database = sys.argv[1:6]
url = f"postgresql+psycopg2://{user}:{password}@/{database}?host={host}&port={port}"

MODELS = '''
import sqlalchemy as sa

metadata = sa.MetaData()
users = sa.Table(
    "al_users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(255), nullable=False, unique=True),
    sa.Column("display_name", sa.String(100)),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()")),
)
posts = sa.Table(
    "al_posts", metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("al_users.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("body", sa.Text),
    sa.Column("published", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("status", sa.Enum("draft", "live", name="al_post_status"), nullable=False,
              server_default="draft"),
    sa.Index("ix_al_posts_user_published", "user_id", "published"),
)
tags = sa.Table(
    "al_tags", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.String(50), nullable=False),
    sa.CheckConstraint("length(label) > 0", name="ck_al_tags_label"),
)
post_tags = sa.Table(
    "al_post_tags", metadata,
    sa.Column("post_id", sa.BigInteger, sa.ForeignKey("al_posts.id"), primary_key=True),
    sa.Column("tag_id", sa.Integer, sa.ForeignKey("al_tags.id"), primary_key=True),
)
'''

ENV = '''
from alembic import context
from sqlalchemy import engine_from_config, pool

import models

config = context.config
target_metadata = models.metadata


def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"),
                      target_metadata=target_metadata, literal_binds=True,
                      dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section),
                                     prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
'''

REVISIONS = {
    "a1_create_users_posts": ('None', '''
def upgrade():
    op.create_table('al_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email')
    )
    op.create_table('al_posts',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('published', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['al_users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade():
    op.drop_table('al_posts')
    op.drop_table('al_users')
'''),
    "b2_names_and_status": ("'a1_create_users_posts'", '''
def upgrade():
    op.add_column('al_users', sa.Column('name', sa.String(length=100), nullable=True))
    op.alter_column('al_posts', 'title', existing_type=sa.VARCHAR(length=200),
                    type_=sa.String(length=300), existing_nullable=False)
    post_status = postgresql.ENUM('draft', 'live', name='al_post_status')
    post_status.create(op.get_bind())
    op.add_column('al_posts', sa.Column('status', post_status, server_default='draft',
                                        nullable=False))
    op.create_index('ix_al_posts_user_published', 'al_posts', ['user_id', 'published'],
                    unique=False)


def downgrade():
    op.drop_index('ix_al_posts_user_published', table_name='al_posts')
    op.drop_column('al_posts', 'status')
    postgresql.ENUM(name='al_post_status').drop(op.get_bind())
    op.alter_column('al_posts', 'title', existing_type=sa.String(length=300),
                    type_=sa.VARCHAR(length=200), existing_nullable=False)
    op.drop_column('al_users', 'name')
'''),
    "c3_tags": ("'b2_names_and_status'", '''
def upgrade():
    tags = op.create_table('al_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=50), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_check_constraint('ck_al_tags_label', 'al_tags', 'length(label) > 0')
    op.create_table('al_post_tags',
    sa.Column('post_id', sa.BigInteger(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['al_posts.id'], ),
    sa.ForeignKeyConstraint(['tag_id'], ['al_tags.id'], ),
    sa.PrimaryKeyConstraint('post_id', 'tag_id')
    )
    op.bulk_insert(tags, [{'id': 1, 'label': 'news'}, {'id': 2, 'label': 'howto'}])
    op.alter_column('al_users', 'name', new_column_name='display_name')
    op.execute("UPDATE al_users SET display_name = email WHERE display_name IS NULL")


def downgrade():
    op.alter_column('al_users', 'display_name', new_column_name='name')
    op.drop_table('al_post_tags')
    op.drop_table('al_tags')
'''),
}

HEADER = '''"""{rev}

Revision ID: {rev}
Revises: {down}
Create Date: 2026-12-04 00:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '{rev}'
down_revision = {down}
branch_labels = None
depends_on = None
'''

work = tempfile.mkdtemp(prefix="alembic-")
os.makedirs(os.path.join(work, "migrations", "versions"))
with open(os.path.join(work, "models.py"), "w") as f:
    f.write(MODELS)
with open(os.path.join(work, "migrations", "env.py"), "w") as f:
    f.write(ENV)
with open(os.path.join(work, "migrations", "script.py.mako"), "w") as f:
    f.write('"""${message}"""\nrevision = ${repr(up_revision)}\n'
            'down_revision = ${repr(down_revision)}\n\n\ndef upgrade():\n'
            '    ${upgrades if upgrades else "pass"}\n\n\ndef downgrade():\n'
            '    ${downgrades if downgrades else "pass"}\n')
for rev, (down, body) in REVISIONS.items():
    with open(os.path.join(work, "migrations", "versions", rev + ".py"), "w") as f:
        f.write(HEADER.format(rev=rev, down=down) + body)
sys.path.insert(0, work)

config = Config()
config.set_main_option("script_location", os.path.join(work, "migrations"))
config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
engine = sa.create_engine(url, future=True)


def alembic(step, name, *args, **kwargs):
    """Runs an alembic command, printing what it printed (its log goes to stderr, unprinted)."""
    out = io.StringIO()
    config.stdout = out
    try:
        getattr(command, name)(config, *args, **kwargs)
    except Exception as e:  # the step's failure is part of the output
        print(step, "failed", type(e).__name__, str(e).splitlines()[0])
        return
    for line in out.getvalue().splitlines():
        if line.strip():
            print(step, line.strip())
    print(step, "ok")


def schema(step):
    with engine.connect() as c:
        insp = sa.inspect(c)
        for table in sorted(t for t in insp.get_table_names() if t.startswith("al")):
            cols = ", ".join(
                f"{col['name']} {col['type']}{'' if col['nullable'] else ' not null'}"
                for col in insp.get_columns(table))
            print(step, table, "columns", cols)
            print(step, table, "pk", insp.get_pk_constraint(table)["constrained_columns"])
            print(step, table, "fks", sorted(
                (fk["constrained_columns"], fk["referred_table"], fk["options"].get("ondelete"))
                for fk in insp.get_foreign_keys(table)))
            print(step, table, "indexes", sorted(
                (i["name"], i["column_names"], bool(i["unique"])) for i in insp.get_indexes(table)))
        print(step, "enums", [e["name"] for e in insp.get_enums()])
        rows = c.execute(sa.text("SELECT version_num FROM alembic_version")).all() \
            if insp.has_table("alembic_version") else None
        print(step, "alembic_version", rows)


def compare(step):
    import models
    with engine.connect() as c:
        diffs = compare_metadata(MigrationContext.configure(c), models.metadata)
    print(step, "autogenerate differences", len(diffs))
    for d in diffs:
        print(step, "  ", d[0] if isinstance(d, tuple) else d)


alembic("upgrade", "upgrade", "head")
alembic("current", "current")
alembic("history", "history")
schema("after-upgrade")
compare("compare")
with engine.begin() as c:
    c.execute(sa.text("INSERT INTO al_posts (id, user_id, title) SELECT 1, id, 'hello' FROM al_users"))
    print("tags", c.execute(sa.text("SELECT id, label FROM al_tags ORDER BY id")).all())
alembic("downgrade-1", "downgrade", "-1")
alembic("current-1", "current")
schema("after-downgrade-1")
alembic("downgrade-base", "downgrade", "base")
schema("after-base")
alembic("upgrade-again", "upgrade", "head")
alembic("check-current", "current")
with contextlib.redirect_stdout(io.StringIO()) as offline:
    command.upgrade(config, "head", sql=True)
print("offline", [l for l in offline.getvalue().splitlines() if l.startswith("CREATE TABLE")][:2])
alembic("downgrade-end", "downgrade", "base")
with engine.connect() as c:
    c.execute(sa.text("DROP TABLE alembic_version"))
    c.commit()
print("done")
