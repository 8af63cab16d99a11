package io.distdb.node.service;

import java.util.List;

/**
 * Text-format parameters whose PostgreSQL type the engine cannot read from their text: json and
 * jsonb ({@link JsonParameters}), arrays ({@link ArrayParameters}), intervals ({@link
 * IntervalParameters}) and dates with a zone ({@link DateParameters}), each bound as the value the
 * engine expects.
 */
final class TypedParameters {

  private TypedParameters() {}

  /** Whether any of the types needs converting (checked once, when the statement is prepared). */
  static boolean any(int[] oids) {
    return JsonParameters.any(oids)
        || ArrayParameters.any(oids)
        || IntervalParameters.any(oids)
        || DateParameters.any(oids);
  }

  static List<Object> bind(int[] oids, List<Object> values) throws SqlException {
    List<Object> out = JsonParameters.bind(oids, values);
    out = ArrayParameters.bind(oids, out);
    out = DateParameters.bind(oids, out);
    return IntervalParameters.bind(oids, out);
  }
}
