package io.distdb.operator.spec;

/**
 * One rule a spec breaks.
 *
 * @param field the JSON path of the offending field, e.g. {@code spec.replication.minSyncAcks}
 * @param message what is wrong and how to fix it
 */
public record Violation(String field, String message) {

  /** "field: message", as the condition message and the Event show it. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
