package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void rewritesParametersOnly() throws Exception {
    Placeholders.Rewritten r =
        Placeholders.toH2(
            "select $1, '$2', \"$3\", $$ $4 $$, a$5 /* $6 */ from t where x=$2 -- $7\n and y = $1");
    assertThat(r.sql())
        .isEqualTo(
            "select ?1, '$2', \"$3\", $$ $4 $$, a$5 /* $6 */ from t where x=?2 -- $7\n and y = ?1");
    assertThat(r.parameterCount()).isEqualTo(2);
  }

  @Test
  void countIsHighestIndex() throws Exception {
    assertThat(Placeholders.toH2("select $3::int").parameterCount()).isEqualTo(3);
    assertThat(Placeholders.toH2("select $3::int").sql()).isEqualTo("select ?3::int");
  }

  @Test
  void withoutParametersTextIsUnchanged() throws Exception {
    String sql = "select ? from t where a = '?'";
    Placeholders.Rewritten r = Placeholders.toH2(sql);
    assertThat(r.sql()).isSameAs(sql);
    assertThat(r.parameterCount()).isZero();
  }

  @Test
  void dollarZeroIsRejected() {
    assertThatThrownBy(() -> Placeholders.toH2("select $0"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("42P02"))
        .hasMessage("there is no parameter $0");
  }

  @Test
  void rewrittenSqlBindsInH2() throws Exception {
    Placeholders.Rewritten r = Placeholders.toH2("select $2 || '-' || $1 || '-' || $2");
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:placeholders;MODE=PostgreSQL");
        PreparedStatement ps = c.prepareStatement(r.sql())) {
      assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(2);
      ps.setString(1, "a");
      ps.setString(2, "b");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("b-a-b");
      }
    }
  }
}
