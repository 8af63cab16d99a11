package io.distdb.node.replication.wire;

/** toString help for records holding byte arrays: print sizes, never contents (proofs, data). */
final class Bytes {

  private Bytes() {}

  static String describe(byte[] b) {
    return b == null ? "null" : "byte[" + b.length + "]";
  }
}
