-- A realistic schema and rows for PgDumpIT: what pg_dump of distdb must carry over.
CREATE TABLE authors (
  id serial PRIMARY KEY,
  name varchar(100) NOT NULL,
  email text UNIQUE,
  bio text,
  created_at timestamptz NOT NULL DEFAULT now(),
  active boolean NOT NULL DEFAULT true
);
CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  author_id integer NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  body text,
  price numeric(10,2) DEFAULT 0 CHECK (price >= 0),
  meta jsonb,
  uid uuid,
  data bytea,
  tags text[],
  published_at timestamptz
);
CREATE INDEX posts_author_idx ON posts (author_id);
CREATE UNIQUE INDEX posts_uid_idx ON posts (uid);
CREATE VIEW active_authors AS SELECT id, name FROM authors WHERE active;
CREATE VIEW author_posts AS SELECT a.name, p.title, p.price FROM authors a JOIN posts p ON p.author_id = a.id WHERE p.price > 5 AND a.name <> 'x' ORDER BY a.name;
CREATE SEQUENCE ticket_seq START 100;
COMMENT ON TABLE authors IS 'people who write';
COMMENT ON COLUMN authors.name IS 'full name';
INSERT INTO authors (name, email, bio, created_at) VALUES
 ('Ann', 'ann@example.com', 'tab	and ''quote''', '2024-01-02 03:04:05+00'),
 ('Bob', NULL, E'line1\nline2 \\ backslash', '2024-02-03 04:05:06+00'),
 ('Cé', 'ce@example.com', NULL, '2024-03-04 05:06:07+00');
INSERT INTO posts (author_id, title, body, price, meta, uid, data, tags, published_at) VALUES
 (1, 'Hello', 'first', 9.99, '{"a": 1, "b": [1, 2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x00ff10', '{a,"b c",NULL}', '2024-05-01 10:00:00+00'),
 (1, 'Second', NULL, 0, NULL, NULL, NULL, NULL, NULL),
 (2, 'Third', 'x', 123.45, '[1, "x"]', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '\x', '{}', '2024-06-01 10:00:00+02');
SELECT nextval('ticket_seq');
