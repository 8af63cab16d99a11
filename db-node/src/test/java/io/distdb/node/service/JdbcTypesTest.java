package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

/** The engine's declared types the catalog uses as markers for PostgreSQL's catalog types. */
class JdbcTypesTest {

  @Test
  void catalogNamesAreNameAndTheirArraysNameArrays() {
    assertThat(JdbcTypes.pgType(Types.VARCHAR, "CHARACTER VARYING", JdbcTypes.NAME_LENGTH))
        .isEqualTo(PgType.NAME);
    assertThat(
            JdbcTypes.pgType(
                Types.ARRAY, "CHARACTER VARYING(" + JdbcTypes.NAME_LENGTH + ") ARRAY", 65536))
        .isEqualTo(PgType.NAME_ARRAY);
    // A concatenation's length is the sum: text, not name.
    assertThat(JdbcTypes.pgType(Types.VARCHAR, "CHARACTER VARYING", JdbcTypes.NAME_LENGTH + 1))
        .isEqualTo(PgType.VARCHAR);
    assertThat(JdbcTypes.pgType(Types.ARRAY, "CHARACTER VARYING ARRAY", 65536))
        .isEqualTo(PgType.TEXT_ARRAY);
  }

  @Test
  void indexKeysAreInt2vectorsOtherIntArraysStay() {
    assertThat(JdbcTypes.pgType(Types.ARRAY, "INTEGER ARRAY", JdbcTypes.INT2VECTOR_CARDINALITY))
        .isEqualTo(PgType.INT2VECTOR);
    assertThat(JdbcTypes.pgType(Types.ARRAY, "INTEGER ARRAY", JdbcTypes.OIDVECTOR_CARDINALITY))
        .isEqualTo(PgType.OIDVECTOR);
    assertThat(JdbcTypes.pgType(Types.ARRAY, "INTEGER ARRAY", 65536)).isEqualTo(PgType.INT4_ARRAY);
    assertThat(JdbcTypes.pgType(Types.ARRAY, "SMALLINT ARRAY", 65536)).isEqualTo(PgType.INT2_ARRAY);
    assertThat(PgType.arrayOf(PgType.INT2)).isEqualTo(PgType.INT2_ARRAY);
  }
}
