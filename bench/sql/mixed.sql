-- Tables for bench/tools/MixedLoad.java (bench/run-mixed.sh). Same DDL on distdb and PostgreSQL.
-- Written by the writers: ids continue after max(id), so repeated runs append.
CREATE TABLE mixed_events (
  id     BIGINT PRIMARY KEY,
  writer INT NOT NULL,
  aid    INT NOT NULL,
  note   VARCHAR(20) NOT NULL
);
-- One row, overwritten by the heartbeat: the slaves' view of seq gives the lag.
CREATE TABLE mixed_heartbeat (
  id      INT PRIMARY KEY,
  seq     BIGINT NOT NULL,
  sent_ms BIGINT NOT NULL
);
INSERT INTO mixed_heartbeat (id, seq, sent_ms) VALUES (1, 0, 0);
