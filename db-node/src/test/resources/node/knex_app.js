// knex 3 (with pg), unmodified: the schema builder, hasTable / hasColumn / columnInfo, migrations
// (knex_migrations and its lock table, each migration in a transaction), insert ... returning,
// upserts with onConflict().merge() / ignore(), joins, aggregates and transactions. NodeFrameworksIT
// compares its output on PostgreSQL 15 and on distdb.
// Usage: node knex_app.js HOST PORT USER PASSWORD DATABASE [READ_PORT]
'use strict';

const knexFactory = require('knex');
const { connection, readConnection, show, showError, run, eventually } = require('./common');

// Migrations as code, in the order knex runs them (by name).
const migrations = {
  '20240101000000_authors': {
    up: (knex) =>
      knex.schema.createTable('kx_authors', (t) => {
        t.increments('id');
        t.string('name', 100).notNullable().unique();
        t.string('email').nullable();
        t.jsonb('profile').defaultTo('{}');
        t.boolean('active').notNullable().defaultTo(true);
        t.timestamps(true, true);
      }),
    down: (knex) => knex.schema.dropTable('kx_authors'),
  },
  '20240102000000_books': {
    up: async (knex) => {
      await knex.schema.createTable('kx_books', (t) => {
        t.uuid('id').primary();
        t.integer('author_id').unsigned().notNullable().references('id').inTable('kx_authors')
          .onDelete('CASCADE');
        t.string('title').notNullable();
        t.text('summary');
        t.decimal('price', 8, 2);
        t.integer('pages');
        t.specificType('tags', 'text[]');
        t.date('published_on');
        t.timestamp('created_at', { useTz: true }).defaultTo(knex.fn.now());
        t.index(['author_id', 'title'], 'kx_books_author_title');
        t.unique(['title', 'published_on']);
      });
      await knex.schema.alterTable('kx_authors', (t) => {
        t.integer('book_count').notNullable().defaultTo(0);
        t.index('email');
      });
    },
    down: (knex) => knex.schema.dropTable('kx_books'),
  },
  '20240103000000_counters': {
    up: async (knex) => {
      await knex.schema.createTable('kx_counters', (t) => {
        t.string('key', 50).primary();
        t.bigInteger('hits').notNullable().defaultTo(0);
        t.float('ratio');
        t.enu('kind', ['page', 'api']).defaultTo('page');
      });
      await knex.schema.alterTable('kx_books', (t) => {
        t.renameColumn('summary', 'blurb');
      });
    },
    down: (knex) => knex.schema.dropTable('kx_counters'),
  },
};

const migrationSource = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};

function sortedColumnInfo(info) {
  const o = {};
  for (const k of Object.keys(info).sort()) o[k] = info[k];
  return o;
}

run(async () => {
  const knex = knexFactory({ client: 'pg', connection, pool: { min: 0, max: 3 } });
  for (const t of ['kx_books', 'kx_counters', 'kx_authors', 'knex_migrations', 'knex_migrations_lock']) {
    await knex.schema.dropTableIfExists(t);
  }

  show('has table before', await knex.schema.hasTable('kx_authors'));
  const [batch, log] = await knex.migrate.latest({ migrationSource });
  show('migrated', { batch, log });
  show('migrated again', await knex.migrate.latest({ migrationSource }));
  show('status', await knex.migrate.status({ migrationSource }));
  const [, pending] = await knex.migrate.list({ migrationSource });
  show('pending', pending);
  show('migrations table', await knex('knex_migrations').select('id', 'name', 'batch').orderBy('id'));
  show('lock table', await knex('knex_migrations_lock').select('*'));

  show('has table', await knex.schema.hasTable('kx_authors'));
  show('has column', [
    await knex.schema.hasColumn('kx_books', 'blurb'),
    await knex.schema.hasColumn('kx_books', 'summary'),
    await knex.schema.hasColumn('kx_authors', 'BOOK_COUNT'),
  ]);
  show('column info authors', sortedColumnInfo(await knex('kx_authors').columnInfo()));
  show('column info books', sortedColumnInfo(await knex('kx_books').columnInfo()));
  show('column info one', await knex('kx_counters').columnInfo('hits'));

  // Inserts with returning.
  const authors = await knex('kx_authors')
    .insert([
      { name: 'Ada', email: 'ada@example.org', profile: { langs: ['en', 'fr'] } },
      { name: 'Grace', email: null },
      { name: 'Linus', active: false },
    ])
    .returning(['id', 'name', 'active', 'profile', 'book_count']);
  show('insert returning', authors);
  const [{ id: adaId }] = authors;
  show('created_at set', (await knex('kx_authors').select('created_at', 'updated_at')).map((r) =>
    [r.created_at instanceof Date, r.updated_at instanceof Date]));

  const uuids = [
    '11111111-1111-4111-8111-111111111111',
    '22222222-2222-4222-8222-222222222222',
    '33333333-3333-4333-8333-333333333333',
  ];
  show(
    'books inserted',
    await knex('kx_books')
      .insert([
        { id: uuids[0], author_id: adaId, title: 'Notes', price: 12.5, pages: 120, tags: ['math', 'engines'], published_on: '1843-10-01' },
        { id: uuids[1], author_id: adaId, title: 'Letters', price: '7.25', pages: 80, tags: [], published_on: '1850-01-01' },
        { id: uuids[2], author_id: authors[1].id, title: 'COBOL', price: null, pages: 300, tags: ['lang'] },
      ])
      .returning('id'),
  );

  // Upserts.
  await knex('kx_counters').insert({ key: 'home', hits: 1, ratio: 0.5 });
  show(
    'merge',
    await knex('kx_counters')
      .insert([{ key: 'home', hits: 10 }, { key: 'about', hits: 2, kind: 'api' }])
      .onConflict('key')
      .merge()
      .returning(['key', 'hits', 'kind']),
  );
  show(
    'merge columns',
    await knex('kx_counters')
      .insert({ key: 'home', hits: 99, ratio: 0.75 })
      .onConflict('key')
      .merge(['ratio'])
      .returning('*'),
  );
  show(
    'merge expression',
    await knex('kx_counters')
      .insert({ key: 'about', hits: 1 })
      .onConflict('key')
      .merge({ hits: knex.raw('?? + excluded.hits', ['kx_counters.hits']) })
      .returning(['key', 'hits']),
  );
  show(
    'ignore',
    await knex('kx_counters').insert({ key: 'home', hits: 0 }).onConflict('key').ignore().returning('key'),
  );
  show('counters', await knex('kx_counters').orderBy('key'));
  show('enum check', await knex('kx_counters').insert({ key: 'bad', kind: 'nope' }).then(
    () => 'accepted',
    (e) => e.code,
  ));

  // Queries.
  show(
    'join',
    await knex('kx_books as b')
      .join('kx_authors as a', 'a.id', 'b.author_id')
      .select('a.name', 'b.title', 'b.price', 'b.tags', 'b.published_on')
      .orderBy([{ column: 'a.name' }, { column: 'b.title', order: 'desc' }]),
  );
  show(
    'aggregate',
    await knex('kx_books')
      .select('author_id')
      .count('* as n')
      .sum('pages as pages')
      .max('price as top')
      .groupBy('author_id')
      .having(knex.raw('count(*) > ?', [0]))
      .orderBy('author_id'),
  );
  show('where in', await knex('kx_books').whereIn('title', ['Notes', 'COBOL']).orderBy('title').pluck('title'));
  show('where null', await knex('kx_books').whereNull('price').first('title'));
  show('like', await knex('kx_authors').whereILike('name', 'a%').select('name'));
  show('json where', await knex('kx_authors').whereRaw("profile -> 'langs' \\? ?", ['fr']).select('name'));
  show('paging', await knex('kx_authors').select('name').orderBy('name').limit(2).offset(1));
  show('count', await knex('kx_books').count({ n: 'id' }).first());
  show('distinct', await knex('kx_books').distinct('author_id').orderBy('author_id').pluck('author_id'));
  show('subquery', await knex('kx_authors').whereIn('id', knex('kx_books').select('author_id')).orderBy('id').pluck('name'));
  show('raw', (await knex.raw('SELECT ?::int + ? AS sum, ?? AS col FROM kx_authors WHERE id = ?', [1, 2, 'name', adaId])).rows);

  // Updates, increments, deletes.
  show('update', await knex('kx_authors').where({ id: adaId }).update({ email: 'ada@math.org', updated_at: knex.fn.now() }, ['id', 'email']));
  show('increment', await knex('kx_authors').where('name', 'Ada').increment('book_count', 2).returning('book_count'));
  show('decrement', await knex('kx_authors').where('name', 'Ada').decrement({ book_count: 1 }));

  // Transactions: commit, rollback on error, savepoints (nested transactions).
  await knex.transaction(async (trx) => {
    const [row] = await trx('kx_authors').insert({ name: 'Barbara' }, ['id']);
    await trx('kx_books').insert({ id: '44444444-4444-4444-8444-444444444444', author_id: row.id, title: 'CLU' });
  });
  try {
    await knex.transaction(async (trx) => {
      await trx('kx_authors').insert({ name: 'Ghost' });
      await trx('kx_authors').insert({ name: 'Ghost' });
    });
  } catch (e) {
    show('rolled back', e.code);
  }
  await knex.transaction(async (trx) => {
    await trx('kx_authors').insert({ name: 'Outer' });
    try {
      await trx.transaction(async (inner) => {
        await inner('kx_authors').insert({ name: 'Inner' });
        throw new Error('inner fails');
      });
    } catch (e) {
      show('savepoint rolled back', e.message);
    }
  });
  const trx = await knex.transaction();
  await trx('kx_counters').where('key', 'home').update({ hits: 0 });
  await trx.rollback();
  show('authors', await knex('kx_authors').orderBy('id').pluck('name'));
  show('home hits', await knex('kx_counters').where('key', 'home').first('hits'));

  // Cascading delete, then schema changes outside migrations.
  show('delete', await knex('kx_authors').where('name', 'Ada').del());
  show('books left', await knex('kx_books').orderBy('title').pluck('title'));
  await knex.schema.alterTable('kx_counters', (t) => {
    t.string('label', 20);
    t.dropColumn('ratio');
  });
  show('altered', Object.keys(await knex('kx_counters').columnInfo()).sort());
  show('down migration', await knex.migrate.down({ migrationSource }));
  show('has counters', await knex.schema.hasTable('kx_counters'));
  await knex.destroy();

  const reader = knexFactory({ client: 'pg', connection: readConnection });
  show(
    'read authors',
    await eventually(
      () => reader('kx_authors').orderBy('id').pluck('name'),
      (names) => names.length === 4,
    ),
  );
  await reader.destroy();
});
