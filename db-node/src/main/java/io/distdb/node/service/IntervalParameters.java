package io.distdb.node.service;

import io.distdb.node.dialect.IntervalText;
import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of type interval (1186; pgjdbc's {@code PGInterval} sends {@code 0 years 0 mons 1 days
 * 2 hours 0 mins 0.0 secs}) arrive as PostgreSQL's interval text, which the engine cannot read:
 * they are bound as the engine's interval literal, which it converts to the interval type they are
 * assigned or cast to.
 */
final class IntervalParameters {

  private IntervalParameters() {}

  static boolean any(int[] oids) {
    for (int oid : oids) {
      if (oid == PgType.INTERVAL.oid()) {
        return true;
      }
    }
    return false;
  }

  static List<Object> bind(int[] oids, List<Object> parameters) throws SqlException {
    List<Object> out = null;
    for (int i = 0; i < parameters.size() && i < oids.length; i++) {
      if (oids[i] == PgType.INTERVAL.oid() && parameters.get(i) instanceof String text) {
        if (out == null) {
          out = new ArrayList<>(parameters);
        }
        try {
          out.set(i, IntervalText.engineLiteral(text));
        } catch (StatementException e) {
          throw new SqlException(e.sqlState(), e.getMessage());
        }
      }
    }
    return out == null ? parameters : out;
  }
}
