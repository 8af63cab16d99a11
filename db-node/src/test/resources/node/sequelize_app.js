// Sequelize 6 (with pg), unmodified: sync({ force: true }) of models with associations (one-to-many,
// many-to-many through a join model), create / findAll with include / update / destroy, bulkCreate,
// managed and unmanaged transactions, upsert, findOrCreate, increment, paranoid models and the
// query interface's describeTable. NodeFrameworksIT compares its output on PostgreSQL 15 and on
// distdb. Usage: node sequelize_app.js HOST PORT USER PASSWORD DATABASE [READ_PORT]
'use strict';

const { Sequelize, DataTypes, Op } = require('sequelize');
const { connection, readConnection, show, showError, run, eventually } = require('./common');

function connect(c) {
  return new Sequelize(c.database, c.user, c.password, {
    host: c.host,
    port: c.port,
    dialect: 'postgres',
    logging: process.env.SEQUELIZE_LOG ? console.log : false,
    pool: { max: 3, min: 0 },
  });
}

function define(sequelize) {
  const User = sequelize.define(
    'User',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      uuid: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, unique: true },
      username: { type: DataTypes.STRING(40), allowNull: false, unique: true },
      email: { type: DataTypes.STRING, validate: { isEmail: true } },
      score: { type: DataTypes.INTEGER, defaultValue: 0 },
      balance: { type: DataTypes.DECIMAL(10, 2), defaultValue: 0 },
      settings: { type: DataTypes.JSONB, defaultValue: {} },
      role: { type: DataTypes.ENUM('admin', 'member'), defaultValue: 'member' },
      birthday: DataTypes.DATEONLY,
      bio: DataTypes.TEXT,
      active: { type: DataTypes.BOOLEAN, defaultValue: true },
    },
    { tableName: 'sq_users', indexes: [{ fields: ['score'] }, { fields: ['email', 'active'] }] },
  );
  const Post = sequelize.define(
    'Post',
    {
      title: { type: DataTypes.STRING, allowNull: false },
      body: DataTypes.TEXT,
      views: { type: DataTypes.BIGINT, defaultValue: 0 },
      tags: DataTypes.ARRAY(DataTypes.STRING),
      rating: DataTypes.FLOAT,
    },
    { tableName: 'sq_posts', paranoid: true },
  );
  const Tag = sequelize.define('Tag', { name: { type: DataTypes.STRING, unique: true } }, {
    tableName: 'sq_tags',
    timestamps: false,
  });
  const PostTag = sequelize.define('PostTag', { weight: DataTypes.INTEGER }, {
    tableName: 'sq_post_tags',
    timestamps: false,
  });
  const Profile = sequelize.define('Profile', { website: DataTypes.STRING }, {
    tableName: 'sq_profiles',
    timestamps: false,
  });
  User.hasMany(Post, { as: 'posts', foreignKey: { name: 'authorId', allowNull: false }, onDelete: 'CASCADE' });
  Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
  Post.belongsToMany(Tag, { through: PostTag, as: 'labels' });
  Tag.belongsToMany(Post, { through: PostTag });
  User.hasOne(Profile, { foreignKey: 'userId' });
  Profile.belongsTo(User, { foreignKey: 'userId' });
  return { User, Post, Tag, PostTag, Profile };
}

const json = (rows) => rows.map((r) => (r && r.toJSON ? r.toJSON() : r));
const withoutTimes = (o) => {
  if (Array.isArray(o)) return o.map(withoutTimes);
  if (!o || typeof o !== 'object' || o instanceof Date) return o;
  const copy = {};
  for (const [k, v] of Object.entries(o)) {
    copy[k] = ['createdAt', 'updatedAt', 'deletedAt'].includes(k) ? (v === null ? null : typeof v) : withoutTimes(v);
  }
  return copy;
};

run(async () => {
  const sequelize = connect(connection);
  await sequelize.authenticate();
  const { User, Post, Tag, PostTag, Profile } = define(sequelize);
  await sequelize.sync({ force: true });
  await sequelize.sync({ alter: false });
  show('tables', (await sequelize.getQueryInterface().showAllTables()).filter((n) => n.startsWith('sq_')).sort());
  const qi = sequelize.getQueryInterface();
  show('describe users', await qi.describeTable('sq_users'));
  show('describe posts', await qi.describeTable('sq_posts'));
  show('indexes', (await qi.showIndex('sq_users')).map((i) => [i.name, i.primary, i.unique, i.fields.map((f) => f.attribute)]).sort());
  show('foreign keys', (await qi.getForeignKeyReferencesForTable('sq_posts')).map((r) => [r.columnName, r.referencedTableName, r.referencedColumnName]));

  const ada = await User.create({ username: 'ada', email: 'ada@example.org', settings: { theme: 'dark' }, birthday: '1815-12-10', balance: '10.50' });
  show('created', withoutTimes({ ...ada.toJSON(), uuid: typeof ada.uuid }));
  const [grace, linus] = await User.bulkCreate(
    [
      { username: 'grace', email: 'grace@example.org', score: 7, role: 'admin' },
      { username: 'linus', score: 3, active: false },
    ],
    { returning: true },
  );
  show('bulk', [grace.id, linus.id, grace.role]);
  try {
    await User.create({ username: 'bad', email: 'not-an-email' });
  } catch (e) {
    show('validation', e.name);
  }
  try {
    await User.create({ username: 'ada' });
  } catch (e) {
    show('unique', [e.name, e.parent && e.parent.code, e.fields]);
  }

  const p1 = await Post.create({ title: 'Engines', body: 'Analytical', authorId: ada.id, tags: ['math', 'history'], rating: 4.5 });
  const p2 = await Post.create({ title: 'Notes', authorId: ada.id, tags: [] });
  await Post.create({ title: 'Compilers', authorId: grace.id, views: '9007199254740993' });
  const [math, code] = await Tag.bulkCreate([{ name: 'math' }, { name: 'code' }]);
  await p1.addLabels([math, code], { through: { weight: 2 } });
  await p2.addLabel(math);
  await Profile.create({ userId: ada.id, website: 'https://ada.example.org' });

  show(
    'include',
    withoutTimes(json(await User.findAll({
      attributes: ['username'],
      include: [
        { model: Post, as: 'posts', attributes: ['title', 'views', 'tags'], include: [{ model: Tag, as: 'labels', attributes: ['name'], through: { attributes: ['weight'] } }] },
        { model: Profile, attributes: ['website'] },
      ],
      order: [['username', 'ASC'], [{ model: Post, as: 'posts' }, 'title', 'ASC'], [{ model: Post, as: 'posts' }, { model: Tag, as: 'labels' }, 'name', 'ASC']],
    }))),
  );
  show(
    'where',
    json(await User.findAll({
      attributes: ['username', 'score'],
      where: { [Op.or]: [{ score: { [Op.gte]: 5 } }, { username: { [Op.iLike]: 'A%' } }], active: true },
      order: [['score', 'DESC']],
    })),
  );
  show('json where', json(await User.findAll({ attributes: ['username'], where: { settings: { theme: 'dark' } } })));
  show('array where', json(await Post.findAll({ attributes: ['title'], where: { tags: { [Op.contains]: ['math'] } } })));
  show('in', json(await User.findAll({ attributes: ['id'], where: { username: ['ada', 'linus'] }, order: ['id'] })));
  show('count', await User.count({ where: { active: true } }));
  show('count include', await User.count({ include: [{ model: Post, as: 'posts' }], distinct: true }));
  show('aggregates', [await Post.max('views'), await User.sum('score'), await User.min('balance')]);
  show(
    'group',
    json(await Post.findAll({
      attributes: ['authorId', [sequelize.fn('COUNT', sequelize.col('id')), 'n']],
      group: ['authorId'],
      order: [['authorId', 'ASC']],
      raw: true,
    })),
  );
  show('paging', await User.findAndCountAll({ attributes: ['username'], order: ['username'], limit: 2, offset: 1 }).then(({ count, rows }) => [count, json(rows)]));
  show('find by pk', withoutTimes((await Post.findByPk(p1.id, { include: [{ model: User, as: 'author', attributes: ['username'] }] })).toJSON()));
  show('find one', (await User.findOne({ where: { username: 'nobody' } })) === null);

  // Updates.
  show('update', await User.update({ score: 10 }, { where: { username: 'ada' }, returning: ['username', 'score'] }).then(([n, rows]) => [n, json(rows)]));
  ada.bio = 'first programmer';
  ada.settings = { theme: 'light', font: 'mono' };
  await ada.save();
  await ada.increment('score', { by: 5 });
  await ada.reload();
  show('reloaded', [ada.bio, ada.settings, ada.score]);
  await grace.decrement(['score'], { by: 2 });

  // Upsert and findOrCreate.
  show('upsert insert', await User.upsert({ username: 'barbara', score: 1 }).then(([u, created]) => [u.username, u.score, created]));
  show('upsert update', await User.upsert({ id: linus.id, username: 'linus', score: 42 }).then(([u, created]) => [u.username, u.score, created]));
  show('find or create', await Tag.findOrCreate({ where: { name: 'math' } }).then(([t, created]) => [t.name, created]));
  show('find or create new', await Tag.findOrCreate({ where: { name: 'db' } }).then(([t, created]) => [t.name, created]));

  // Transactions: managed commit and rollback, unmanaged, nested with savepoints.
  await sequelize.transaction(async (t) => {
    const u = await User.create({ username: 'edsger' }, { transaction: t });
    await Post.create({ title: 'GOTO', authorId: u.id }, { transaction: t });
  });
  try {
    await sequelize.transaction(async (t) => {
      await User.create({ username: 'ghost' }, { transaction: t });
      await User.create({ username: 'ghost' }, { transaction: t });
    });
  } catch (e) {
    show('rolled back', e.name);
  }
  const t = await sequelize.transaction();
  await User.update({ score: 0 }, { where: {}, transaction: t });
  await t.rollback();
  await sequelize.transaction(async (outer) => {
    await Tag.create({ name: 'outer' }, { transaction: outer });
    try {
      await sequelize.transaction({ transaction: outer }, async (inner) => {
        await Tag.create({ name: 'inner' }, { transaction: inner });
        throw new Error('inner fails');
      });
    } catch (e) {
      show('savepoint', e.message);
    }
  });
  show('tags', (await Tag.findAll({ order: ['name'] })).map((x) => x.name));
  show('scores', json(await User.findAll({ attributes: ['username', 'score'], order: ['id'] })));

  // Deletes: paranoid (soft), forced, cascade.
  await p2.destroy();
  show('paranoid', [await Post.count(), await Post.count({ paranoid: false })]);
  await p2.restore();
  show('restored', await Post.count());
  show('destroy', await User.destroy({ where: { username: 'ada' } }));
  show('after cascade', (await Post.findAll({ order: ['title'], paranoid: false })).map((p) => p.title));
  show('post tags', await PostTag.count());
  show('raw query', await sequelize.query('SELECT count(*)::int AS n FROM sq_users WHERE score > :min', { replacements: { min: 1 }, type: Sequelize.QueryTypes.SELECT }));
  await qi.addColumn('sq_tags', 'color', { type: DataTypes.STRING(7), defaultValue: '#000000' });
  await qi.renameColumn('sq_tags', 'color', 'colour');
  show('altered', Object.keys(await qi.describeTable('sq_tags')).sort());
  await sequelize.close();

  const reader = connect(readConnection);
  const models = define(reader);
  show(
    'read users',
    await eventually(
      async () => (await models.User.findAll({ attributes: ['username'], order: ['username'] })).map((u) => u.username),
      (names) => names.length === 4,
    ),
  );
  await reader.close();
});
