package io.distdb.node.storage.capture;

/**
 * A sequence's position as the engine holds it.
 *
 * @param name the sequence's name, or for an identity column the table's name (the engine names
 *     identity sequences randomly per node, so they are identified by table and column)
 * @param column null for a sequence object, else the identity column
 * @param nextValue the value the sequence hands out next
 */
public record SequenceReading(String schema, String name, String column, long nextValue) {

  /** Identifies the sequence on every replica. */
  public String key() {
    return schema + '\u0000' + name + '\u0000' + (column == null ? "" : column);
  }
}
