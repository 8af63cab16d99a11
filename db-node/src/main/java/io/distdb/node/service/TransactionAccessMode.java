package io.distdb.node.service;

/**
 * A transaction's access mode as PostgreSQL enforces it: in a READ ONLY transaction ({@code BEGIN
 * READ ONLY}, {@code SET TRANSACTION READ ONLY}, or {@code default_transaction_read_only} for the
 * transactions that follow) INSERT, UPDATE, DELETE and MERGE of tables that are not temporary, and
 * every schema change, fail with 25006.
 */
final class TransactionAccessMode {

  private TransactionAccessMode() {}

  /**
   * Refuses {@code verb} (the statement's command tag) if the current transaction is read-only: the
   * block's mode inside one, the default's for a statement that is its own transaction.
   */
  static void checkWritable(SessionSettings settings, boolean inBlock, String verb)
      throws SqlException {
    String mode = settings.get(inBlock ? "transaction_read_only" : "default_transaction_read_only");
    if ("on".equalsIgnoreCase(mode) || "true".equalsIgnoreCase(mode)) {
      throw new SqlException("25006", "cannot execute " + verb + " in a read-only transaction");
    }
  }
}
