package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantifiedParametersTest {

  private static final int TEXT_ARRAY = PgType.TEXT_ARRAY.oid();

  @Test
  void anUntypedParameterAloneInAnyOrAllIsAnArray() {
    assertThat(
            QuantifiedParameters.declared(
                "SELECT 1 FROM t WHERE a = ANY($2) AND b <> all ( $1 ) AND c = $3",
                new int[] {0, 705},
                3))
        .containsExactly(TEXT_ARRAY, TEXT_ARRAY, 0);
    assertThat(QuantifiedParameters.declared("SELECT $1 = SOME($2)", null, 2))
        .containsExactly(0, TEXT_ARRAY);
  }

  @Test
  void declaredTypesExpressionsAndOtherTextStay() {
    // int4[] declared by the client (pgjdbc's setArray), an expression, a string, no parameter.
    assertThat(QuantifiedParameters.declared("SELECT 1 = ANY($1)", new int[] {1007}, 1)).isNull();
    assertThat(QuantifiedParameters.declared("SELECT 1 = ANY($1::int[])", new int[] {0}, 1))
        .isNull();
    assertThat(QuantifiedParameters.declared("SELECT 'ANY($1)', $1", new int[] {0}, 1)).isNull();
    assertThat(QuantifiedParameters.declared("SELECT 1", new int[0], 0)).isNull();
  }
}
