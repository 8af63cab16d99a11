// node-postgres (npm pg), unmodified: simple and extended queries, type parsing by OID, prepared
// statements, errors, transactions, pg-cursor and pg-query-stream, and a pool. NodeFrameworksIT
// compares its output on PostgreSQL 15 and on distdb.
// Usage: node pg_app.js HOST PORT USER PASSWORD DATABASE [READ_PORT]
'use strict';

const { Client, Pool } = require('pg');
const Cursor = require('pg-cursor');
const QueryStream = require('pg-query-stream');
const { connection, readConnection, show, showError, run, eventually } = require('./common');

function described(result) {
  return {
    command: result.command,
    rowCount: result.rowCount,
    fields: result.fields.map((f) => [f.name, f.dataTypeID]),
    rows: result.rows,
  };
}

run(async () => {
  const c = new Client(connection);
  await c.connect();
  await c.query('DROP TABLE IF EXISTS pg_lines');
  await c.query('DROP TABLE IF EXISTS pg_items');
  show(
    'create',
    described(
      await c.query(`CREATE TABLE pg_items (
        id serial PRIMARY KEY, name varchar(40) NOT NULL UNIQUE, qty integer, small smallint,
        price numeric(10, 2), big bigint, ratio double precision, real4 real, flag boolean,
        born date, at timestamptz, local timestamp, doc jsonb, plain json, tags text[],
        nums integer[], raw bytea, uid uuid, note text, wait interval, clock time)`),
    ),
  );
  await c.query(`CREATE TABLE pg_lines (
      id bigserial PRIMARY KEY, item_id integer NOT NULL REFERENCES pg_items (id) ON DELETE CASCADE,
      amount numeric(12, 2) NOT NULL)`);

  // Simple protocol, literals only.
  show(
    'simple insert',
    described(
      await c.query(`INSERT INTO pg_items (name, qty, small, price, big, ratio, real4, flag, born,
        at, local, doc, plain, tags, nums, raw, uid, note, wait, clock) VALUES ('apple', 3, 7,
        9.99, 9007199254740993, 0.25, 1.5, true, '2024-02-29', '2024-01-02 03:04:05+02',
        '2024-01-02 03:04:05.123', '{"k": [1, 2], "a": null}', '{"z": 1}', '{x,"y z"}', '{1,2,3}',
        decode('deadbeef', 'hex'), 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'it''s', '1 day 02:03:04',
        '13:14:15') RETURNING id, name`),
    ),
  );

  // Extended protocol: every type as a parameter, RETURNING *.
  const params = [
    'pear', 5, -2, '12.50', '-9007199254740993', 1e-3, 2.5, false, '1999-12-31',
    new Date('2024-06-01T10:00:00Z'), '2024-06-01 10:00:00', { nested: { deep: true }, list: [1, 'two'] },
    JSON.stringify([1, 2]), ['p', 'q', null], [4, 5], Buffer.from([0, 1, 254, 255]),
    '6ba7b810-9dad-11d1-80b4-00c04fd430c8', null, '00:00:30', '23:59:59',
  ];
  show(
    'extended insert',
    described(
      await c.query(
        `INSERT INTO pg_items (name, qty, small, price, big, ratio, real4, flag, born, at, local, doc,
         plain, tags, nums, raw, uid, note, wait, clock) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
         $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING *`,
        params,
      ),
    ),
  );
  show('select all', described(await c.query('SELECT * FROM pg_items ORDER BY id')));
  show(
    'where params',
    described(
      await c.query('SELECT id, name FROM pg_items WHERE qty > $1 AND name LIKE $2 ORDER BY id', [
        1,
        '%p%',
      ]),
    ),
  );
  show(
    'array mode',
    described(
      await c.query({ text: 'SELECT name, qty FROM pg_items ORDER BY id', rowMode: 'array' }),
    ),
  );
  const byName = { name: 'item-by-name', text: 'SELECT id, price FROM pg_items WHERE name = $1' };
  show('prepared 1', described(await c.query({ ...byName, values: ['apple'] })));
  show('prepared 2', described(await c.query({ ...byName, values: ['pear'] })));
  show('prepared none', described(await c.query({ ...byName, values: ['plum'] })));

  // Expressions and their types.
  show(
    'expressions',
    described(
      await c.query(`SELECT 1 AS one, 1::int8 AS eight, 1.5::numeric AS num, 'x'::text AS t,
        now() IS NOT NULL AS has_now, count(*) AS n, sum(qty) AS total, max(price) AS top,
        avg(qty)::numeric(10, 2) AS mean, string_agg(name, ',' ORDER BY name) AS names,
        array_agg(id ORDER BY id) AS ids, coalesce(max(note), 'none') AS note FROM pg_items`),
    ),
  );
  show(
    'json ops',
    described(
      await c.query(
        `SELECT doc -> 'k' AS arrow, doc ->> 'k' AS text_arrow, doc #>> '{nested,deep}' AS path,
         doc ? 'k' AS has_k, jsonb_typeof(doc) AS kind FROM pg_items ORDER BY id`,
      ),
    ),
  );
  show(
    'params typed',
    described(
      await c.query(
        'SELECT $1::int AS i, $2::text AS s, $3::boolean AS b, $4::numeric AS n, $5::date AS d, $6::jsonb AS j',
        [42, 'str', true, '3.14', '2020-01-01', '{"a":1}'],
      ),
    ),
  );
  // A JavaScript array bound where PostgreSQL expects one: it travels as '{1,2}' typed unknown.
  show(
    'params any',
    described(
      await c.query('SELECT id, name FROM pg_items WHERE id = ANY($1) OR name = ANY($2) ORDER BY id', [
        [1, 99],
        ['pear'],
      ]),
    ),
  );
  show(
    'params untyped',
    described(await c.query('SELECT id FROM pg_items WHERE id = $1 OR name = $2', ['1', 'pear'])),
  );
  show('null param', described(await c.query('SELECT $1::text IS NULL AS isnull', [null])));

  // Multiple statements in one simple query: an array of results.
  const multi = await c.query('SELECT 1 AS a; SELECT 2 AS b, 3 AS c');
  show('multi', multi.map(described));

  // Writes and their command tags.
  show('update', described(await c.query('UPDATE pg_items SET qty = qty + 1 WHERE id = $1', [1])));
  show(
    'insert lines',
    described(
      await c.query(
        'INSERT INTO pg_lines (item_id, amount) VALUES ($1, $2), ($1, $3), ($4, $2) RETURNING id, amount',
        [1, '1.10', '2.20', 2],
      ),
    ),
  );
  show(
    'join',
    described(
      await c.query(`SELECT i.name, count(l.id) AS lines, sum(l.amount) AS amount FROM pg_items i
        LEFT JOIN pg_lines l ON l.item_id = i.id GROUP BY i.name ORDER BY i.name`),
    ),
  );

  // Errors: SQLSTATE and message.
  for (const [label, sql, values, codeOnly] of [
    ['unique violation', "INSERT INTO pg_items (name) VALUES ('apple')"],
    ['not null violation', 'INSERT INTO pg_items (qty) VALUES ($1)', [1], 'code only'],
    ['fk violation', 'INSERT INTO pg_lines (item_id, amount) VALUES (999, 1)'],
    ['missing table', 'SELECT * FROM pg_nope'],
    ['missing column', 'SELECT nope FROM pg_items'],
    ['syntax', 'SELEC 1'],
    ['bad integer', 'SELECT $1::int AS v', ['abc'], 'code only'],
    ['division', 'SELECT 1 / 0 AS v'],
  ]) {
    // distdb's messages for these two lack the relation and the type (see NodeFrameworksIT).
    try {
      await c.query(sql, values);
      show(label, 'no error');
    } catch (e) {
      show(label, { code: e.code, severity: e.severity, message: codeOnly ? undefined : e.message });
    }
  }
  // After an error the connection is usable.
  show('after errors', described(await c.query('SELECT count(*)::int AS n FROM pg_items')));

  // Transactions: rollback, commit, error inside a block.
  await c.query('BEGIN');
  await c.query("INSERT INTO pg_items (name) VALUES ('ghost')");
  await c.query('ROLLBACK');
  await c.query('BEGIN');
  await c.query("INSERT INTO pg_items (name, qty) VALUES ('plum', 9)");
  await c.query('COMMIT');
  await c.query('BEGIN');
  try {
    await c.query("INSERT INTO pg_items (name) VALUES ('plum')");
  } catch (e) {
    show('in block', e.code);
  }
  try {
    await c.query('SELECT 1');
  } catch (e) {
    show('aborted block', e.code);
  }
  await c.query('ROLLBACK');
  show('names', described(await c.query('SELECT name FROM pg_items ORDER BY id')));
  show('delete', described(await c.query('DELETE FROM pg_items WHERE name = $1', ['pear'])));
  show('cascade', described(await c.query('SELECT item_id FROM pg_lines ORDER BY id')));

  // pg-cursor and pg-query-stream read a result in batches (Execute with a row limit).
  await c.query(`INSERT INTO pg_lines (item_id, amount) SELECT 1, g FROM generate_series(1, 23) g`);
  const cursor = c.query(
    new Cursor('SELECT amount FROM pg_lines WHERE amount > $1 ORDER BY id', [2]),
  );
  const batches = [];
  for (let rows = await cursor.read(10); rows.length > 0; rows = await cursor.read(10)) {
    batches.push(rows.map((r) => r.amount).join(','));
  }
  await cursor.close();
  show('cursor batches', batches);
  await c.query('BEGIN');
  const inBlock = c.query(new Cursor('SELECT amount FROM pg_lines ORDER BY id'));
  show('cursor in block', (await inBlock.read(4)).map((r) => r.amount));
  await inBlock.close();
  await c.query('COMMIT');
  const streamed = [];
  const stream = c.query(
    new QueryStream('SELECT amount FROM pg_lines WHERE amount <= $1 ORDER BY id', [12], {
      batchSize: 5,
    }),
  );
  for await (const row of stream) {
    streamed.push(row.amount);
  }
  show('query stream', streamed);
  await c.end();

  // A pool: concurrent queries on several connections, reads where a slave would serve them.
  const pool = new Pool({ ...connection, max: 4 });
  const counts = await Promise.all(
    [1, 2, 3, 4, 5, 6].map((i) =>
      pool.query('INSERT INTO pg_lines (item_id, amount) VALUES (1, $1) RETURNING amount', [i]),
    ),
  );
  show('pool inserts', counts.map((r) => r.rows[0].amount).sort());
  await pool.end();
  const reader = new Client(readConnection);
  await reader.connect();
  const lines = await eventually(
    () => reader.query('SELECT count(*) AS n, sum(amount) AS total FROM pg_lines'),
    (r) => r.rows[0].n === '8',
  );
  show('read lines', described(lines));
  await reader.end();
});
