package io.distdb.node.sql;

import static io.distdb.node.sql.StatementKind.DDL;
import static io.distdb.node.sql.StatementKind.EMPTY;
import static io.distdb.node.sql.StatementKind.OTHER;
import static io.distdb.node.sql.StatementKind.READ;
import static io.distdb.node.sql.StatementKind.SESSION;
import static io.distdb.node.sql.StatementKind.TRANSACTION;
import static io.distdb.node.sql.StatementKind.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementClassifierTest {

  /** sql, kind, command tag, returns rows. Tags checked against PostgreSQL 15's psql output. */
  static Stream<Arguments> statements() {
    return Stream.of(
        arguments("select 1", READ, "SELECT", true),
        arguments("SELECT * FROM t WHERE a = 'delete'", READ, "SELECT", true),
        arguments("/* insert */ select 'delete'", READ, "SELECT", true),
        arguments("-- update t\nselect 1;", READ, "SELECT", true),
        arguments("(select 1) union (select 2)", READ, "SELECT", true),
        arguments("((select 1))", READ, "SELECT", true),
        arguments("values (1), (2)", READ, "SELECT", true),
        arguments("table t", READ, "SELECT", true),
        arguments("with x as (select 1) select * from x", READ, "SELECT", true),
        arguments(
            "with recursive r(n) as (select 1 union all select n+1 from r) select * from r",
            READ,
            "SELECT",
            true),
        arguments("with x as (select 1) (select * from x)", READ, "SELECT", true),
        arguments("select * from t for update", READ, "SELECT", true),
        arguments("select \"insert\" from t", READ, "SELECT", true),
        arguments("select $$ delete from t $$", READ, "SELECT", true),
        arguments("explain select 1", READ, "EXPLAIN", true),
        arguments("explain analyze select 1", READ, "EXPLAIN", true),
        arguments("explain insert into t values (1)", READ, "EXPLAIN", true),
        arguments("explain analyze insert into t values (1)", OTHER, "EXPLAIN", true),
        arguments("explain (analyze, costs off) delete from t", OTHER, "EXPLAIN", true),
        arguments("explain (analyze false) delete from t", READ, "EXPLAIN", true),
        arguments("insert into t values (1)", WRITE, "INSERT", false),
        arguments("INSERT INTO t VALUES (1) RETURNING id", WRITE, "INSERT", true),
        arguments("insert into t select * from u", WRITE, "INSERT", false),
        arguments("update t set a = 1", WRITE, "UPDATE", false),
        arguments("Update t set a = 1 returning *", WRITE, "UPDATE", true),
        arguments("delete from t where a in (select a from u)", WRITE, "DELETE", false),
        arguments(
            "merge into t using u on t.a = u.a when matched then delete", WRITE, "MERGE", false),
        arguments("upsert into t values (1)", WRITE, "INSERT", false),
        arguments("with x as (select 1) insert into t select * from x", WRITE, "INSERT", false),
        arguments(
            "with x as (select 1) insert into t select * from x returning a",
            WRITE,
            "INSERT",
            true),
        arguments("with d as (delete from t returning *) select * from d", WRITE, "SELECT", true),
        arguments(
            "with d as materialized (update t set a=1 returning a) select 1",
            WRITE,
            "SELECT",
            true),
        arguments("with d as (select a from t) update t set a = 2 from d", WRITE, "UPDATE", false),
        arguments("select 1 into newtable", WRITE, "SELECT", false),
        arguments("select nextval('s')", WRITE, "SELECT", true),
        arguments("SELECT setval('s', 10)", WRITE, "SELECT", true),
        arguments("select next value for s", WRITE, "SELECT", true),
        arguments("create table t (a int)", DDL, "CREATE TABLE", false),
        arguments("CREATE TEMP TABLE t (a int)", DDL, "CREATE TABLE", false),
        arguments("create temporary table t (a int) on commit drop", DDL, "CREATE TABLE", false),
        arguments("create unlogged table t (a int)", DDL, "CREATE TABLE", false),
        arguments(
            "create table if not exists t (a int generated always as (1) stored)",
            DDL,
            "CREATE TABLE",
            false),
        arguments("create table t as select 1", DDL, "SELECT", false),
        arguments("create table if not exists t (x) as select 1", DDL, "SELECT", false),
        arguments("create table t as select 1 with no data", DDL, "CREATE TABLE AS", false),
        arguments("create materialized view mv as select 1", DDL, "SELECT", false),
        arguments(
            "create materialized view mv as select 1 with no data",
            DDL,
            "CREATE MATERIALIZED VIEW",
            false),
        arguments("create index i on t (a)", DDL, "CREATE INDEX", false),
        arguments("create unique index concurrently i on t (a)", DDL, "CREATE INDEX", false),
        arguments("create or replace view v as select 1", DDL, "CREATE VIEW", false),
        arguments(
            "create or replace temp recursive view v(n) as select 1", DDL, "CREATE VIEW", false),
        arguments("create sequence s", DDL, "CREATE SEQUENCE", false),
        arguments("create schema if not exists app", DDL, "CREATE SCHEMA", false),
        arguments("create type mood as enum ('a')", DDL, "CREATE TYPE", false),
        arguments("alter table t add column b int", DDL, "ALTER TABLE", false),
        arguments("alter sequence s restart", DDL, "ALTER SEQUENCE", false),
        arguments(
            "alter materialized view mv rename to mv2", DDL, "ALTER MATERIALIZED VIEW", false),
        arguments("drop table if exists t cascade", DDL, "DROP TABLE", false),
        arguments("drop index concurrently i", DDL, "DROP INDEX", false),
        arguments("drop view v", DDL, "DROP VIEW", false),
        arguments("drop sequence s", DDL, "DROP SEQUENCE", false),
        arguments("drop schema app", DDL, "DROP SCHEMA", false),
        arguments("truncate t", DDL, "TRUNCATE TABLE", false),
        arguments("truncate table t restart identity", DDL, "TRUNCATE TABLE", false),
        arguments("comment on table t is 'insert'", DDL, "COMMENT", false),
        arguments("grant select on t to public", DDL, "GRANT", false),
        arguments("revoke all on table t from bob", DDL, "REVOKE", false),
        arguments("grant admin to bob", OTHER, "GRANT ROLE", false),
        arguments("refresh materialized view mv", DDL, "REFRESH MATERIALIZED VIEW", false),
        arguments("create user bob", OTHER, "CREATE ROLE", false),
        arguments("alter user bob nologin", OTHER, "ALTER ROLE", false),
        arguments("drop role bob", OTHER, "DROP ROLE", false),
        arguments("create extension if not exists pgcrypto", OTHER, "CREATE EXTENSION", false),
        arguments("alter database shop set x = 1", OTHER, "ALTER DATABASE", false),
        arguments("alter system set work_mem = '1MB'", OTHER, "ALTER SYSTEM", false),
        arguments("drop owned by bob", OTHER, "DROP OWNED", false),
        arguments("vacuum", OTHER, "VACUUM", false),
        arguments("analyze t", OTHER, "ANALYZE", false),
        arguments("listen ch", OTHER, "LISTEN", false),
        arguments("notify ch", OTHER, "NOTIFY", false),
        arguments("copy t from stdin", OTHER, "COPY", false),
        arguments("lock table t", OTHER, "LOCK TABLE", false),
        arguments("lock table t in exclusive mode", OTHER, "LOCK TABLE", false),
        arguments("LOCK TABLE public.a, b IN ACCESS SHARE MODE", SESSION, "LOCK TABLE", false),
        arguments("lock only t in row share mode nowait", SESSION, "LOCK TABLE", false),
        arguments("do $$ begin end $$", OTHER, "DO", false),
        arguments("declare c cursor for select 1", OTHER, "DECLARE CURSOR", false),
        arguments("close all", OTHER, "CLOSE CURSOR ALL", false),
        arguments("checkpoint", OTHER, "CHECKPOINT", false),
        arguments("commit and chain", OTHER, "COMMIT", false),
        arguments("prepare transaction 'x'", OTHER, "PREPARE TRANSACTION", false),
        arguments("commit prepared 'x'", OTHER, "COMMIT PREPARED", false),
        arguments("prepare p as select 1", OTHER, "PREPARE", false),
        arguments("begin", TRANSACTION, "BEGIN", false),
        arguments("BEGIN WORK", TRANSACTION, "BEGIN", false),
        arguments("begin isolation level serializable", TRANSACTION, "BEGIN", false),
        arguments("start transaction read only", TRANSACTION, "START TRANSACTION", false),
        arguments("commit", TRANSACTION, "COMMIT", false),
        arguments("end transaction", TRANSACTION, "COMMIT", false),
        arguments("rollback", TRANSACTION, "ROLLBACK", false),
        arguments("abort", TRANSACTION, "ROLLBACK", false),
        arguments("savepoint s1", TRANSACTION, "SAVEPOINT", false),
        arguments("release savepoint s1", TRANSACTION, "RELEASE", false),
        arguments("rollback to s1", TRANSACTION, "ROLLBACK", false),
        arguments("set search_path to public", SESSION, "SET", false),
        arguments("reset all", SESSION, "RESET", false),
        arguments("show timezone", SESSION, "SHOW", true),
        arguments("discard all", SESSION, "DISCARD ALL", false),
        arguments("discard temporary", SESSION, "DISCARD TEMP", false),
        arguments("deallocate all", SESSION, "DEALLOCATE ALL", false),
        arguments("deallocate prepare p1", SESSION, "DEALLOCATE", false),
        arguments("", EMPTY, "", false),
        arguments("  -- nothing\n /* at all */ ;", EMPTY, "", false));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void classifies(String sql, StatementKind kind, String tag, boolean returnsRows)
      throws Exception {
    Statement s = StatementClassifier.classify(sql);
    assertThat(s.kind()).as("kind").isEqualTo(kind);
    assertThat(s.commandTag()).as("tag").isEqualTo(tag);
    assertThat(s.returnsRows()).as("returns rows").isEqualTo(returnsRows);
  }

  @Test
  void returningOnlyCountsAtTopLevel() throws Exception {
    assertThat(StatementClassifier.classify("insert into t values (1) returning id").hasReturning())
        .isTrue();
    assertThat(
            StatementClassifier.classify(
                    "with d as (delete from t returning *) insert into u select * from d")
                .hasReturning())
        .isFalse();
    assertThat(StatementClassifier.classify("select 'returning'").hasReturning()).isFalse();
  }

  @Test
  void completionTags() throws Exception {
    assertThat(StatementClassifier.classify("insert into t values (1)").completionTag(3))
        .isEqualTo("INSERT 0 3");
    assertThat(StatementClassifier.classify("update t set a=1").completionTag(2))
        .isEqualTo("UPDATE 2");
    assertThat(StatementClassifier.classify("create table t as select 1").completionTag(1))
        .isEqualTo("SELECT 1");
    assertThat(StatementClassifier.classify("create table t (a int)").completionTag(0))
        .isEqualTo("CREATE TABLE");
  }

  @Test
  void ownerChangesOfObjectsInADatabaseAreTheirOwnStatement() throws Exception {
    assertThat(StatementClassifier.classify("ALTER TABLE public.t OWNER TO postgres;"))
        .isEqualTo(new OwnerChange("ALTER TABLE"));
    assertThat(StatementClassifier.classify("alter sequence if exists s owner to \"App\""))
        .isEqualTo(new OwnerChange("ALTER SEQUENCE"));
    assertThat(StatementClassifier.classify("ALTER VIEW IF EXISTS v OWNER TO CURRENT_USER"))
        .isEqualTo(new OwnerChange("ALTER VIEW"));
    assertThat(StatementClassifier.classify("ALTER TABLE t RENAME COLUMN owner TO boss"))
        .isInstanceOf(SimpleStatement.class);
    assertThat(StatementClassifier.classify("ALTER DATABASE d OWNER TO x"))
        .isInstanceOf(SimpleStatement.class);
  }

  @Test
  void createDatabase() throws Exception {
    assertThat(
            StatementClassifier.classify("CREATE DATABASE Shop WITH OWNER = bob ENCODING 'UTF8'"))
        .isEqualTo(new DatabaseCommand(DatabaseCommand.Action.CREATE, "shop", false, false));
    assertThat(StatementClassifier.classify("create database \"Shop\"").commandTag())
        .isEqualTo("CREATE DATABASE");
  }

  @Test
  void dropDatabase() throws Exception {
    assertThat(StatementClassifier.classify("drop database shop"))
        .isEqualTo(new DatabaseCommand(DatabaseCommand.Action.DROP, "shop", false, false));
    assertThat(StatementClassifier.classify("DROP DATABASE IF EXISTS \"Shop\";"))
        .isEqualTo(new DatabaseCommand(DatabaseCommand.Action.DROP, "Shop", true, false));
    DatabaseCommand forced =
        (DatabaseCommand) StatementClassifier.classify("drop database shop with (force)");
    assertThat(forced.force()).isTrue();
    assertThat(forced.kind()).isEqualTo(StatementKind.DATABASE_DDL);
    assertThat(forced.commandTag()).isEqualTo("DROP DATABASE");
    assertThat(((DatabaseCommand) StatementClassifier.classify("drop database x (force)")).force())
        .isTrue();
  }

  @Test
  void malformedDatabaseCommandsAreSyntaxErrors() {
    assertThatThrownBy(() -> StatementClassifier.classify("drop database"))
        .hasMessage("syntax error at end of input");
    assertThatThrownBy(() -> StatementClassifier.classify("create database 'x'"))
        .hasMessage("syntax error at or near \"'x'\"");
    assertThatThrownBy(() -> StatementClassifier.classify("drop database x with (hurry)"))
        .hasMessage("unrecognized DROP DATABASE option \"hurry\"");
  }

  @Test
  void transactionDetails() throws Exception {
    assertThat(StatementClassifier.classify("BEGIN ISOLATION LEVEL SERIALIZABLE"))
        .isEqualTo(
            new TransactionCommand(
                TransactionCommand.Op.BEGIN, "BEGIN", null, "serializable", false));
    assertThat(
            StatementClassifier.classify(
                "start transaction isolation level repeatable read, read only"))
        .isEqualTo(
            new TransactionCommand(
                TransactionCommand.Op.BEGIN, "START TRANSACTION", null, "repeatable read", true));
    assertThat(StatementClassifier.classify("ROLLBACK TO SAVEPOINT \"Sp\""))
        .isEqualTo(
            new TransactionCommand(
                TransactionCommand.Op.ROLLBACK_TO_SAVEPOINT, "ROLLBACK", "Sp", null, false));
    assertThat(StatementClassifier.classify("release Sp1"))
        .isEqualTo(
            new TransactionCommand(
                TransactionCommand.Op.RELEASE_SAVEPOINT, "RELEASE", "sp1", null, false));
    assertThat(StatementClassifier.classify("SAVEPOINT a"))
        .isEqualTo(
            new TransactionCommand(TransactionCommand.Op.SAVEPOINT, "SAVEPOINT", "a", null, false));
    assertThat(StatementClassifier.classify("commit and no chain"))
        .isEqualTo(
            new TransactionCommand(TransactionCommand.Op.COMMIT, "COMMIT", null, null, false));
    assertThatThrownBy(() -> StatementClassifier.classify("savepoint"))
        .hasMessage("syntax error at end of input");
    assertThatThrownBy(() -> StatementClassifier.classify("begin isolation level chaotic"))
        .hasMessage("syntax error at or near \"chaotic\"");
  }

  @Test
  void sessionDetails() throws Exception {
    assertThat(StatementClassifier.classify("SET search_path TO public, \"App\""))
        .isEqualTo(
            new SessionCommand(SessionCommand.Op.SET, "SET", "search_path", "public, App", false));
    assertThat(StatementClassifier.classify("set local statement_timeout = 5000"))
        .isEqualTo(
            new SessionCommand(SessionCommand.Op.SET, "SET", "statement_timeout", "5000", true));
    assertThat(StatementClassifier.classify("SET SESSION TimeZone = 'Europe/Paris'"))
        .isEqualTo(
            new SessionCommand(SessionCommand.Op.SET, "SET", "timezone", "Europe/Paris", false));
    assertThat(StatementClassifier.classify("set time zone 'UTC'"))
        .isEqualTo(new SessionCommand(SessionCommand.Op.SET, "SET", "timezone", "UTC", false));
    assertThat(StatementClassifier.classify("set time zone interval '+02:00' hour to minute"))
        .isEqualTo(
            new SessionCommand(
                SessionCommand.Op.SET,
                "SET",
                "timezone",
                "interval '+02:00' hour to minute",
                false));
  }

  @Test
  void sessionDetailsMore() throws Exception {
    assertThat(
            ((SessionCommand) StatementClassifier.classify("set extra_float_digits = -3")).value())
        .isEqualTo("-3");
    assertThat(StatementClassifier.classify("set application_name to default"))
        .isEqualTo(
            new SessionCommand(SessionCommand.Op.RESET, "SET", "application_name", null, false));
    assertThat(StatementClassifier.classify("set myapp.tenant = 'x'"))
        .isEqualTo(new SessionCommand(SessionCommand.Op.SET, "SET", "myapp.tenant", "x", false));
    assertThat(StatementClassifier.classify("set names 'UTF8'"))
        .isEqualTo(
            new SessionCommand(SessionCommand.Op.SET, "SET", "client_encoding", "UTF8", false));
    assertThat(
            StatementClassifier.classify(
                "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED"))
        .isEqualTo(
            new SessionCommand(
                SessionCommand.Op.SET,
                "SET",
                "default_transaction_isolation",
                "read committed",
                false));
    assertThat(StatementClassifier.classify("set transaction read only"))
        .isEqualTo(
            new SessionCommand(SessionCommand.Op.SET, "SET", "transaction_read_only", "on", false));
    assertThat(
            StatementClassifier.classify(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
        .isEqualTo(
            new SessionCommand(
                SessionCommand.Op.SET,
                "SET",
                "transaction_isolation",
                "repeatable read",
                false,
                java.util.Map.of("transaction_read_only", "on")));
    assertThat(StatementClassifier.classify("RESET TimeZone"))
        .isEqualTo(new SessionCommand(SessionCommand.Op.RESET, "RESET", "timezone", null, false));
    assertThat(StatementClassifier.classify("show transaction isolation level"))
        .isEqualTo(
            new SessionCommand(
                SessionCommand.Op.SHOW, "SHOW", "transaction_isolation", null, false));
    assertThat(StatementClassifier.classify("SHOW ALL"))
        .isEqualTo(new SessionCommand(SessionCommand.Op.SHOW, "SHOW", "all", null, false));
    assertThat(StatementClassifier.classify("set session to 1"))
        .isEqualTo(new SessionCommand(SessionCommand.Op.SET, "SET", "session", "1", false));
    assertThatThrownBy(() -> StatementClassifier.classify("set x"))
        .hasMessage("syntax error at end of input");
  }

  @Test
  void severalStatementsAreRejected() {
    assertThatThrownBy(() -> StatementClassifier.classify("select 1; select 2"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"))
        .hasMessage("cannot insert multiple commands into a prepared statement");
  }

  @Test
  void builtInExtensionsAreNoOps() throws Exception {
    assertThat(StatementClassifier.classify("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\""))
        .isEqualTo(new BuiltinExtension("uuid-ossp", true));
    assertThat(StatementClassifier.classify("create extension plpgsql with schema pg_catalog"))
        .isEqualTo(new BuiltinExtension("plpgsql", false));
    Statement other = StatementClassifier.classify("CREATE EXTENSION postgis");
    assertThat(other.kind()).isEqualTo(OTHER);
    assertThat(other.commandTag()).isEqualTo("CREATE EXTENSION");
  }
}
