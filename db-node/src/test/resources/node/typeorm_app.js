// TypeORM (with pg), unmodified: a DataSource with synchronize (the schema diff reads
// information_schema and pg_catalog), entity schemas with one-to-many / many-to-one / many-to-many
// relations, repository save / find with relations / update / delete, the query builder,
// transactions and upsert. NodeFrameworksIT compares its output on PostgreSQL 15 and on distdb.
// Usage: node typeorm_app.js HOST PORT USER PASSWORD DATABASE [READ_PORT]
'use strict';

require('reflect-metadata');
const { DataSource, EntitySchema, In, MoreThan, ILike } = require('typeorm');
const { connection, readConnection, show, run, eventually } = require('./common');

const Team = new EntitySchema({
  name: 'Team',
  tableName: 'to_teams',
  columns: {
    id: { type: 'int', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 50, unique: true },
    budget: { type: 'numeric', precision: 12, scale: 2, default: 0 },
    meta: { type: 'jsonb', nullable: true },
    createdAt: { type: 'timestamptz', createDate: true },
  },
  relations: {
    members: { type: 'one-to-many', target: 'Member', inverseSide: 'team' },
  },
});

const Member = new EntitySchema({
  name: 'Member',
  tableName: 'to_members',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    email: { type: 'varchar', unique: true },
    age: { type: 'int', nullable: true },
    active: { type: 'boolean', default: true },
    joined: { type: 'date', nullable: true },
    version: { type: 'int', version: true },
  },
  relations: {
    team: { type: 'many-to-one', target: 'Team', inverseSide: 'members', onDelete: 'CASCADE', joinColumn: { name: 'team_id' } },
    skills: { type: 'many-to-many', target: 'Skill', joinTable: { name: 'to_member_skills' } },
  },
  indices: [{ name: 'to_members_age_idx', columns: ['age'] }],
});

const Skill = new EntitySchema({
  name: 'Skill',
  tableName: 'to_skills',
  columns: {
    id: { type: 'int', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 30, unique: true },
  },
});

function dataSource(c, options) {
  return new DataSource({
    type: 'postgres',
    host: c.host,
    port: c.port,
    username: c.user,
    password: c.password,
    database: c.database,
    entities: [Team, Member, Skill],
    logging: process.env.TYPEORM_LOG ? 'all' : false,
    ...options,
  });
}

const noIds = (o) => JSON.parse(JSON.stringify(o, (k, v) => (k === 'id' && typeof v === 'string' ? 'uuid' : k === 'createdAt' ? typeof v : v)));

run(async () => {
  const ds = dataSource(connection, { synchronize: true, dropSchema: true });
  await ds.initialize();
  show('synchronized', ds.isInitialized);
  // A second synchronize finds nothing to change.
  const again = dataSource(connection, {});
  await again.initialize();
  show('pending schema', (await again.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query));
  await again.destroy();

  const teams = ds.getRepository('Team');
  const members = ds.getRepository('Member');
  const skills = ds.getRepository('Skill');
  const core = await teams.save({ name: 'core', budget: '1000.50', meta: { floor: 3 } });
  const web = await teams.save({ name: 'web' });
  show('saved', noIds([core, web]));
  const [sql, js] = await skills.save([{ name: 'sql' }, { name: 'js' }]);
  await members.save([
    { email: 'ada@example.org', age: 36, team: core, skills: [sql, js], joined: '2020-01-15' },
    { email: 'grace@example.org', age: 85, team: core, skills: [sql] },
    { email: 'linus@example.org', age: null, team: web, active: false },
  ]);
  show(
    'find relations',
    noIds(await teams.find({ relations: { members: { skills: true } }, order: { name: 'ASC', members: { email: 'ASC', skills: { name: 'ASC' } } } })),
  );
  show('find where', noIds(await members.find({ select: { email: true, age: true }, where: { age: MoreThan(40) } })));
  show('find in', (await members.findBy({ email: In(['ada@example.org', 'nobody']) })).map((m) => m.email));
  show('ilike', (await members.find({ where: { email: ILike('L%') } })).map((m) => m.email));
  show('count', [await members.count(), await members.countBy({ active: true })]);
  show('find one', noIds(await members.findOne({ where: { email: 'ada@example.org' }, relations: { team: true } })));

  const qb = await ds
    .createQueryBuilder()
    .select('t.name', 'team')
    .addSelect('COUNT(m.id)', 'n')
    .addSelect('AVG(m.age)', 'avg_age')
    .from('to_teams', 't')
    .leftJoin('to_members', 'm', 'm.team_id = t.id')
    .groupBy('t.name')
    .orderBy('t.name')
    .getRawMany();
  show('query builder', qb);
  show('paging', await members.findAndCount({ order: { email: 'ASC' }, skip: 1, take: 1 }).then(([rows, n]) => [rows.map((m) => m.email), n]));

  const ada = await members.findOneByOrFail({ email: 'ada@example.org' });
  ada.age = 37;
  await members.save(ada);
  show('version', ada.version);
  show('update', (await members.update({ active: false }, { active: true })).affected);
  show('increment', (await teams.increment({ name: 'core' }, 'budget', 10)).affected);
  show('upsert', noIds((await skills.upsert([{ name: 'sql' }, { name: 'go' }], ['name'])).identifiers.length));
  show('skills', (await skills.find({ order: { name: 'ASC' } })).map((s) => s.name));

  await ds.transaction(async (em) => {
    const t = await em.save('Team', { name: 'ops' });
    await em.save('Member', { email: 'edsger@example.org', team: t });
  });
  try {
    await ds.transaction(async (em) => {
      await em.save('Team', { name: 'ghost' });
      await em.save('Team', { name: 'ghost' });
    });
  } catch (e) {
    show('rolled back', e.code || e.driverError?.code);
  }
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.manager.createQueryBuilder().delete().from('to_members').execute();
  await runner.rollbackTransaction();
  await runner.release();
  show('teams', (await teams.find({ order: { id: 'ASC' } })).map((t) => t.name));
  show('delete cascade', (await teams.delete({ name: 'core' })).affected);
  show('members left', (await members.find({ order: { email: 'ASC' } })).map((m) => m.email));
  show('raw', await ds.query('SELECT count(*)::int AS n FROM to_member_skills'));
  await ds.destroy();

  const reader = dataSource(readConnection, {});
  await reader.initialize();
  show(
    'read teams',
    await eventually(
      async () => (await reader.getRepository('Team').find({ order: { name: 'ASC' } })).map((t) => t.name),
      (names) => names.length === 2,
    ),
  );
  await reader.destroy();
});
