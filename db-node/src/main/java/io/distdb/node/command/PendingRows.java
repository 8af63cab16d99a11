package io.distdb.node.command;

import io.distdb.node.command.Change.Op;
import io.distdb.node.command.Change.RowChanges;
import java.sql.PreparedStatement;
import java.util.Arrays;

/**
 * The rows a {@link RowApplier} has bound into one prepared statement's batch and not yet sent,
 * with the entry each came from, so a failure when the batch is sent names the right entry.
 */
final class PendingRows {

  private PreparedStatement statement;
  private RowChanges table;
  private Op op;
  private long[] lsns = new long[64];
  private Op[] logged = new Op[64];
  private int size;

  /** Whether rows for {@code ps} can join the batch being built. */
  boolean continues(PreparedStatement ps) {
    return statement == ps;
  }

  void start(PreparedStatement ps, RowChanges t, Op kind) {
    statement = ps;
    table = t;
    op = kind;
    size = 0;
  }

  void add(long lsn, Op loggedAs) {
    if (size == lsns.length) {
      lsns = Arrays.copyOf(lsns, size * 2);
      logged = Arrays.copyOf(logged, size * 2);
    }
    lsns[size] = lsn;
    logged[size] = loggedAs;
    size++;
  }

  void clear() {
    statement = null;
    table = null;
    op = null;
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  PreparedStatement statement() {
    return statement;
  }

  /** The table of the batch (its first run's header; all runs of a batch share the statement). */
  RowChanges table() {
    return table;
  }

  /** What the batch's statement does: {@link Op#INSERT} or {@link Op#DELETE}. */
  Op op() {
    return op;
  }

  /** The entry the {@code i}-th row of the batch came from. */
  long lsn(int i) {
    return lsns[i];
  }

  /** What the {@code i}-th row was in the log (a delete of an update's old row says update). */
  Op logged(int i) {
    return logged[i];
  }
}
