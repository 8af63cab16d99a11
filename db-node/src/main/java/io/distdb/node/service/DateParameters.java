package io.distdb.node.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgjdbc's {@code setDate} sends a date with the calendar's zone, {@code 2020-01-02 +00}, typed
 * unspecified (jOOQ, Spring's JdbcTemplate and MyBatis bind java.sql.Date so). PostgreSQL's date
 * input ignores a zone; the engine's refuses the text (22007). A text parameter the statement types
 * date (its column, or {@code CAST(? AS date)}) loses the zone before it is bound.
 */
final class DateParameters {

  private static final Pattern WITH_ZONE =
      Pattern.compile(
          "(\\d{4,}-\\d{1,2}-\\d{1,2}(?: BC)?)\\s*[+-]\\d{1,2}(?::\\d{2}(?::\\d{2})?)?");

  private DateParameters() {}

  static boolean any(int[] oids) {
    for (int oid : oids) {
      if (oid == PgType.DATE.oid()) {
        return true;
      }
    }
    return false;
  }

  static List<Object> bind(int[] oids, List<Object> parameters) {
    List<Object> out = null;
    for (int i = 0; i < parameters.size() && i < oids.length; i++) {
      if (oids[i] != PgType.DATE.oid() || !(parameters.get(i) instanceof String text)) {
        continue;
      }
      Matcher m = WITH_ZONE.matcher(text.strip());
      if (m.matches()) {
        if (out == null) {
          out = new ArrayList<>(parameters);
        }
        out.set(i, m.group(1));
      }
    }
    return out == null ? parameters : out;
  }
}
