package io.distdb.node.service;

import io.distdb.node.storage.ArrayElementType;
import io.distdb.node.storage.TextInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of an array type (declared by the client, as pgjdbc does for {@code setArray} and
 * {@code createArrayOf}: int4[] 1007, text[] 1009, ...; or inferred by the engine from the column
 * they go to) arrive in text format as PostgreSQL's array literal ({@code {1,2}}, {@code {"a
 * b",NULL}}). Bound as a string, the engine would make a one-element array holding that text; they
 * are bound as an {@code Object[]} of the element type's values instead, read with PostgreSQL's
 * rules and messages (22P02). Binary-format arrays are decoded by pgwire already.
 */
final class ArrayParameters {

  /** Array types without a {@link PgType} of their own, whose elements stay strings. */
  private static final Map<Integer, String> OTHER_ARRAYS =
      Map.of(1002, "char", 1003, "name", 1014, "bpchar", 1183, "time", 1270, "timetz");

  private ArrayParameters() {}

  /** Whether any of the types is an array type. */
  static boolean any(int[] oids) {
    for (int oid : oids) {
      if (elementName(oid) != null) {
        return true;
      }
    }
    return false;
  }

  static List<Object> bind(int[] oids, List<Object> parameters) throws SqlException {
    List<Object> out = null;
    for (int i = 0; i < parameters.size() && i < oids.length; i++) {
      String element = elementName(oids[i]);
      if (element != null && parameters.get(i) instanceof String text) {
        if (out == null) {
          out = new ArrayList<>(parameters);
        }
        out.set(i, read(element, text));
      }
    }
    return out == null ? parameters : out;
  }

  /**
   * A value of array type {@code arrayType} written as PostgreSQL's array literal (COPY's text).
   */
  static Object[] read(PgType arrayType, String text) throws SqlException {
    return read(arrayType.element().name().toLowerCase(Locale.ROOT), text);
  }

  private static Object[] read(String element, String text) throws SqlException {
    try {
      return ArrayElementType.of(element).readArray(text);
    } catch (TextInputException e) {
      throw new SqlException(e.sqlState(), e.getMessage(), e.detail(), null, null);
    }
  }

  /** The element type's internal name ({@code int4}) for an array type's OID, else null. */
  private static String elementName(int oid) {
    PgType type = PgType.byOid(oid);
    if (type.oid() == oid && type.element() != null) {
      return type.element().name().toLowerCase(Locale.ROOT);
    }
    return OTHER_ARRAYS.get(oid);
  }
}
