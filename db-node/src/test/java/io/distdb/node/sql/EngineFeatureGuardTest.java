package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineFeatureGuardTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      select file_read('/etc/passwd')                                   | 42501 | function file_read
      SELECT FILE_WRITE('x', '/tmp/x')                                  | 42501 | function file_write
      select * from csvread('/etc/passwd')                              | 42501 | function csvread
      select "CSVREAD"('/etc/passwd')                                   | 42501 | function csvread
      call csvwrite('/tmp/x', 'select 1')                               | 0A000 | CALL
      select * from link_schema('x', '', 'jdbc:h2:mem:', '', '', 'p')   | 42501 | function link_schema
      select database_path()                                            | 42501 | function database_path
      select cancel_session(1)                                          | 42501 | function cancel_session
      insert into t select memory_used()                                | 42501 | function memory_used
      select * from distdb_internal.applied                             | 42501 | schema distdb_internal
      update distdb_internal.applied set lsn = 0                        | 42501 | schema distdb_internal
      drop view distdb_catalog.pg_attribute                             | 42501 | schema distdb_catalog
      select * from "DISTDB_CATALOG".pg_settings                        | 42501 | schema distdb_catalog
      script to '/tmp/dump.sql'                                         | 0A000 | SCRIPT
      RUNSCRIPT FROM '/tmp/dump.sql'                                    | 0A000 | RUNSCRIPT
      backup to '/tmp/b.zip'                                            | 0A000 | BACKUP
      shutdown                                                          | 0A000 | SHUTDOWN
      create alias ex for 'java.lang.Runtime.exec'                      | 0A000 | CREATE ALIAS
      create trigger tr before insert on t for each row call 'x.Y'      | 0A000 | CREATE TRIGGER
      create or replace trigger tr before insert on t as $$ x $$        | 0A000 | CREATE TRIGGER
      create aggregate a for 'x.Y'                                      | 0A000 | CREATE AGGREGATE
      create linked table l('', 'jdbc:h2:mem:', '', '', 'T')            | 0A000 | CREATE LINKED
      create function f() returns int as $$ select 1 $$ language sql    | 0A000 | CREATE FUNCTION
      drop alias ex                                                     | 0A000 | DROP ALIAS
      create table j (o java_object)                                    | 0A000 | type java_object
      create table j (id int, o other)                                  | 0A000 | type other
      select cast(x'00' as other)                                       | 0A000 | type other
      select x'00'::other                                               | 0A000 | type other
      alter table j alter column o type other                           | 0A000 | type other
      create table e (id int) engine "org.example.Engine"               | 0A000 | table engines
      select * from final table (delete from t)                         | 0A000 | FINAL TABLE
      with x as (select * from old table (delete from t)) select 1      | 0A000 | OLD TABLE
      select (select count(*) from new table (insert into t values (1))) | 0A000 | NEW TABLE
      select rand()                                                     | 0A000 | function rand()
      select random_uuid()                                              | 0A000 | function random_uuid()
      select * from system_range(1, 10)                                 | 0A000 | function system_range()
      """)
  void refusesEngineFeatures(String sql, String sqlState, String named) {
    assertThatThrownBy(() -> StatementClassifier.classify(sql))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState))
        .hasMessageContaining(named);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select 'file_read(1)', \"file_read\" from t -- csvread('x')",
        "create table hash (id int, space text, other text, zero int)",
        "insert into hash (id, space) values (1, 'x')",
        "create index i on hash using hash (id)",
        "select x as other, y other from t",
        "create table t2 (id uuid primary key, d date)",
        "select random(), gen_random_uuid(), now()",
        "update t set final = 1 where new = old",
        "select * from information_schema.tables",
        "select lower('A'), length('abc'), coalesce(null, 1), greatest(1, 2)"
      })
  void letsPostgresSqlThrough(String sql) {
    assertThatCode(() -> StatementClassifier.classify(sql)).doesNotThrowAnyException();
  }
}
