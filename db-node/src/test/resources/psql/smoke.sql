\set VERBOSITY sqlstate
CREATE DATABASE smoke;
\c smoke
CREATE TABLE fruit (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, price NUMERIC(6,2), fresh BOOLEAN, picked DATE);
INSERT INTO fruit VALUES (1, 'apple', 1.20, true, '2024-05-01'), (2, 'banana', 0.50, false, NULL), (3, 'cherry', 3.00, true, '2024-06-30');
SELECT * FROM fruit ORDER BY id;
UPDATE fruit SET price = price * 2 WHERE fresh;
SELECT name, price FROM fruit WHERE price > 1 ORDER BY price DESC;
SELECT fresh, count(*) AS n, sum(price) AS total FROM fruit GROUP BY fresh ORDER BY fresh;
CREATE TABLE basket (fruit_id INT, qty INT);
INSERT INTO basket VALUES (1, 3), (3, 10), (3, 5);
SELECT f.name, sum(b.qty) AS qty FROM fruit f JOIN basket b ON b.fruit_id = f.id GROUP BY f.name ORDER BY qty;
BEGIN;
DELETE FROM fruit WHERE id = 2;
SELECT count(*) AS n FROM fruit;
ROLLBACK;
SELECT count(*) AS n FROM fruit;
INSERT INTO fruit VALUES (1, 'dup', 0, false, NULL);
SELECT * FROM missing;
SELEC 1;
INSERT INTO fruit (id, name) VALUES ('x', 'bad');
DELETE FROM basket WHERE qty > 4;
DROP TABLE basket;
DROP TABLE fruit;
\c :maindb
DROP DATABASE smoke;
