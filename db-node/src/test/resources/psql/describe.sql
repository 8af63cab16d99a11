CREATE TABLE author (id serial PRIMARY KEY, name varchar(40) NOT NULL UNIQUE, born date, bio text DEFAULT 'n/a');
CREATE TABLE book (id bigserial PRIMARY KEY, author_id integer NOT NULL REFERENCES author(id) ON DELETE CASCADE, title text NOT NULL, price numeric(8,2) CHECK (price >= 0), tags text[], meta jsonb, created timestamptz DEFAULT now());
CREATE INDEX book_title_idx ON book (title);
CREATE UNIQUE INDEX book_author_title ON book (author_id, title);
CREATE VIEW cheap_books AS SELECT id, title FROM book WHERE price < 10;
CREATE VIEW author_books AS SELECT a.name, b.title, b.price AS cost FROM author a LEFT JOIN book b ON b.author_id = a.id WHERE a.name LIKE 'A%' OR b.price * 2 > 10 AND NOT b.title = 'x' ORDER BY a.name;
CREATE SEQUENCE invoice_seq START 100;
COMMENT ON TABLE author IS 'people who write';
COMMENT ON COLUMN author.name IS 'full name';
\d
\dt
\dt+
\dt a*
\d author
\d+ author
\d book
\d+ book
\di
\di+
\di book*
\dv
\d cheap_books
\d+ cheap_books
\d+ author_books
\ds
\ds+
\d invoice_seq
\dn
\du distdb
\df
\dfS lower
\df+
\sf now
\sf pg_catalog.version
\sf lower
\sf nosuch
\dx
\dT
\dt nosuch
\d nosuch
