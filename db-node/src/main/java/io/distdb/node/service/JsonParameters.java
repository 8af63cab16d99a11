package io.distdb.node.service;

import io.distdb.node.storage.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of type json or jsonb (declared by the client, as pgjdbc does for a {@code PGobject},
 * or inferred by the engine from the column they go to) arrive as their text. Bound as a character
 * string, the engine would store that text as a JSON <em>string</em>; bound as UTF-8 bytes, it
 * parses them into the document, as PostgreSQL does. jsonb text is normalized first.
 */
final class JsonParameters {

  private JsonParameters() {}

  /** Whether any of the types is json or jsonb. */
  static boolean any(int[] oids) {
    for (int oid : oids) {
      if (oid == PgType.JSONB.oid() || oid == PgType.JSON.oid()) {
        return true;
      }
    }
    return false;
  }

  static List<Object> bind(int[] oids, List<Object> parameters) throws SqlException {
    List<Object> out = null;
    for (int i = 0; i < parameters.size() && i < oids.length; i++) {
      boolean jsonb = oids[i] == PgType.JSONB.oid();
      if ((jsonb || oids[i] == PgType.JSON.oid()) && parameters.get(i) instanceof String text) {
        if (out == null) {
          out = new ArrayList<>(parameters);
        }
        out.set(i, document(text, jsonb));
      }
    }
    return out == null ? parameters : out;
  }

  private static byte[] document(String text, boolean jsonb) throws SqlException {
    try {
      String parsed = jsonb ? JsonValues.jsonbText(text) : text;
      if (!jsonb) {
        JsonValues.parse(text);
      }
      return parsed.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SqlException("22P02", "invalid input syntax for type json");
    }
  }
}
