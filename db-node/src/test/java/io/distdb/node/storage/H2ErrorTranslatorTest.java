package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.storage.TranslatedError.ErrorObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Provokes each error in a real H2 opened the way distdb opens it. */
class H2ErrorTranslatorTest {

  private static final String URL =
      "jdbc:h2:mem:errors;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
          + "LOCK_TIMEOUT=100;DB_CLOSE_DELAY=-1";

  private static Connection connection;

  @BeforeAll
  static void schema() throws SQLException {
    connection = DriverManager.getConnection(URL);
    try (Statement s = connection.createStatement()) {
      s.execute(
          "create table t (a int primary key, b varchar(3) not null,"
              + " c int constraint c_positive check (c > 0), n numeric(3, 1), d int check (d < 10))");
      s.execute("create unique index t_b_key on t (b)");
      s.execute("create table p (a int primary key)");
      s.execute("create table named (a int constraint named_a_key unique)");
      s.execute("insert into named values (7)");
      s.execute("create table fk (a int constraint fk_a_fkey references p (a))");
      s.execute("create view v as select 1 as x");
      s.execute("create sequence s");
      s.execute("create schema app");
      s.execute("insert into t values (1, 'a', 1, null, null)");
      s.execute("insert into p values (1)");
      s.execute("insert into fk values (1)");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static SQLException h2Error(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("H2 should reject: " + sql);
  }

  private static TranslatedError provoke(String sql) {
    return H2ErrorTranslator.translate(h2Error(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      select * from nosuch                        | 42P01 | relation "nosuch" does not exist
      select * from "NoSuch"                      | 42P01 | relation "NoSuch" does not exist
      drop table nosuch                           | 42P01 | relation "nosuch" does not exist
      drop view nosuch                            | 42P01 | relation "nosuch" does not exist
      select nextval('nosuch')                    | 42P01 | relation "nosuch" does not exist
      select nosuch from t                        | 42703 | column "nosuch" does not exist
      select t.nosuch from t                      | 42703 | column t.nosuch does not exist
      create table t (a int)                      | 42P07 | relation "t" already exists
      create index t_b_key on t (a)               | 42P07 | relation "t_b_key" already exists
      create view v as select 2                   | 42P07 | relation "v" already exists
      create sequence s                           | 42P07 | relation "s" already exists
      create schema app                           | 42P06 | schema "app" already exists
      create table x (a int, a int)               | 42701 | column "a" specified more than once
      select * from nosuch.t                      | 3F000 | schema "nosuch" does not exist
      drop schema nosuch                          | 3F000 | schema "nosuch" does not exist
      drop index nosuch                           | 42704 | index "nosuch" does not exist
      insert into t values (3, null, 1, null, null) | 23502 | null value in column "b" violates not-null constraint
      insert into t values (5, 'x', -1, null, null) | 23514 | new row violates check constraint "c_positive"
      selec 1                                     | 42601 | syntax error at or near "selec"
      select from where                           | 42601 | syntax error at or near "where"
      select 1 +                                  | 42601 | syntax error at end of input
      select (1                                   | 42601 | syntax error at end of input
      insert into t (a) values (1, 2)             | 42601 | column count does not match
      select a from t, p                          | 42702 | column reference "a" is ambiguous
      select 'abc'::int                           | 22P02 | `invalid input syntax for type integer: "abc"`
      select cast('99999999999999999999' as bigint) | 22003 | `value "99999999999999999999" is out of range for type bigint`
      select cast('x1' as smallint)               | 22P02 | `invalid input syntax for type smallint: "x1"`
      select cast('a' as boolean)                 | 22P02 | invalid input syntax for type boolean
      select cast('x' as date)                    | 22007 | `invalid input syntax for type date: "x"`
      select 32768::smallint                      | 22003 | smallint out of range
      select cast(32767 as smallint) + cast(1 as smallint) | 22003 | smallint out of range
      select 2147483647 + 1                       | 22003 | integer out of range
      select cast(3000000000 as int)              | 22003 | integer out of range
      select cast(3 as bigint) * 9223372036854775807 | 22003 | bigint out of range
      select 9223372036854775807 + 1              | 22003 | bigint out of range
      select * from system_range(1, 10, 0)        | 22023 | step size cannot equal zero
      insert into t values (6, 'y', 1, 100.0, null) | 22003 | numeric field overflow
      insert into t values (4, 'abcd', 1, null, null) | 22001 | value too long for type character varying(3)
      select 1/0                                  | 22012 | division by zero
      select nofunc(1)                            | 42883 | function nofunc does not exist
      """)
  void translates(String sql, String state, String message) {
    TranslatedError error = provoke(sql);
    assertThat(error.sqlState()).as("SQLSTATE").isEqualTo(state);
    assertThat(error.message()).isEqualTo(message);
  }

  @Test
  void syntaxErrorInALongStatementIsTranslatedWithoutOverflowingTheStack() {
    // H2 quotes the whole statement; pgjdbc's getIndexInfo is a few KB long.
    String sql = "select 1 as " + "a".repeat(20_000) + " & 1";
    TranslatedError error = provoke(sql);
    assertThat(error.sqlState()).isEqualTo("42601");
    assertThat(error.message()).isEqualTo("syntax error at or near \"&\"");
  }

  @Test
  void uniqueViolationNamesTheIndexAndKey() {
    TranslatedError error = provoke("insert into t values (2, 'a', 1, null, null)");
    assertThat(error)
        .isEqualTo(
            new TranslatedError(
                "23505",
                "duplicate key value violates unique constraint \"t_b_key\"",
                "Key (b)=(a) already exists.",
                ErrorObject.constraint("public", "t", "t_b_key")));
  }

  @Test
  void aNamedUniqueConstraintIsNamedWithItsKey() {
    assertThat(provoke("insert into named values (7)"))
        .isEqualTo(
            new TranslatedError(
                "23505",
                "duplicate key value violates unique constraint \"named_a_key\"",
                "Key (a)=(7) already exists.",
                ErrorObject.constraint("public", "named", "named_a_key")));
  }

  @Test
  void primaryKeyViolationIsUniqueViolation() {
    TranslatedError error = provoke("insert into t values (1, 'q', 1, null, null)");
    assertThat(error.sqlState()).isEqualTo("23505");
    assertThat(error.message()).startsWith("duplicate key value violates unique constraint \"");
    assertThat(error.message()).doesNotContain("public.", "SQL statement", "[23505");
    assertThat(error.object().table()).isEqualTo("t");
  }

  @Test
  void notNullAndCheckViolationsNameTheirColumnAndConstraint() {
    assertThat(provoke("insert into t values (3, null, 1, null, null)").object())
        .isEqualTo(ErrorObject.column(null, null, "b"));
    assertThat(provoke("insert into t values (5, 'x', -1, null, null)").object())
        .isEqualTo(ErrorObject.constraint(null, null, "c_positive"));
  }

  @Test
  void foreignKeyViolations() {
    assertThat(provoke("insert into fk values (99)"))
        .isEqualTo(
            new TranslatedError(
                "23503",
                "insert or update on table \"fk\" violates foreign key constraint \"fk_a_fkey\"",
                "Key (a)=(99) is not present in table \"p\".",
                ErrorObject.constraint("public", "fk", "fk_a_fkey")));
    assertThat(provoke("delete from p"))
        .isEqualTo(
            new TranslatedError(
                "23503",
                "update or delete on table \"p\" violates foreign key constraint \"fk_a_fkey\" on table \"fk\"",
                "Key (a)=(1) is still referenced from table \"fk\".",
                ErrorObject.constraint("public", "fk", "fk_a_fkey")));
  }

  @Test
  void unnamedCheckConstraintUsesH2Name() {
    TranslatedError error = provoke("insert into t values (7, 'z', 1, null, 50)");
    assertThat(error.sqlState()).isEqualTo("23514");
    assertThat(error.message()).matches("new row violates check constraint \"[^\" :]+\"");
  }

  @Test
  void lockTimeout() throws SQLException {
    try (Connection holder = DriverManager.getConnection(URL);
        Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      s.executeUpdate("update t set c = 2 where a = 1");
      TranslatedError error = provoke("update t set c = 3 where a = 1");
      assertThat(error)
          .isEqualTo(new TranslatedError("55P03", "canceling statement due to lock timeout", null));
      holder.rollback();
    }
  }

  @Test
  void codesWithoutAnEasyReproduction() {
    assertThat(H2ErrorTranslator.translate(new SQLException("Deadlock detected", "40001", 40001)))
        .isEqualTo(new TranslatedError("40P01", "deadlock detected", null));
    assertThat(
            H2ErrorTranslator.translate(
                new SQLException(
                    "Invalid value \"-1\" for parameter \"x\" [90008-240]", "90008", 90008)))
        .isEqualTo(new TranslatedError("22023", "invalid value \"-1\" for parameter \"x\"", null));
    assertThat(
            H2ErrorTranslator.translate(
                    new SQLException("Feature not supported: \"x\" [50100-240]", "HYC00", 50100))
                .sqlState())
        .isEqualTo("0A000");
  }

  @Test
  void unknownErrorsKeepPostgresClassesElseInternalError() {
    assertThat(
            H2ErrorTranslator.translate(
                new SQLException("Odd; SQL statement:\nselect 1 [22999-240]", "22999", 22999)))
        .isEqualTo(new TranslatedError("22999", "odd", null));
    assertThat(
            H2ErrorTranslator.translate(
                new SQLException("Database is closed [90098-240]", "90098", 90098)))
        .isEqualTo(new TranslatedError("XX000", "database is closed", null));
  }

  @Test
  void wrappedH2ExceptionIsUnwrapped() {
    SQLException h2 = h2Error("select * from nosuch");
    SQLException wrapper = new SQLException("storage failed", h2);
    assertThat(H2ErrorTranslator.translate(wrapper).sqlState()).isEqualTo("42P01");
  }
}
