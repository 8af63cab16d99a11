package io.distdb.node.storage.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows one writer (an autocommit batch's statement, or a transaction block) has changed and not
 * yet logged. The engine's capture trigger appends to the buffer that is {@link #activate active}
 * on the thread running the statement, so cascades and upserts land in it too; the write path cuts
 * it back to a {@link #mark()} when a statement fails or a savepoint is rolled back, so only what
 * survives is logged.
 *
 * <p>Not thread-safe: used by one thread at a time, the one that holds the database's write path.
 */
public final class CaptureBuffer {

  private static final ThreadLocal<CaptureBuffer> ACTIVE = new ThreadLocal<>();

  private final List<CapturedRow> rows = new ArrayList<>();
  private int statement;

  /** The buffer the current thread captures into, or null (a replica's applier, a reader). */
  static CaptureBuffer active() {
    return ACTIVE.get();
  }

  /**
   * Makes this the current thread's buffer until the returned scope closes, and starts a new
   * statement in it.
   */
  public Scope activate() {
    statement++;
    CaptureBuffer previous = ACTIVE.get();
    ACTIVE.set(this);
    return () -> ACTIVE.set(previous);
  }

  void add(String schema, String table, Object[] oldRow, Object[] newRow) {
    rows.add(new CapturedRow(schema, table, statement, oldRow, newRow));
  }

  /** A position to cut back to. */
  public int mark() {
    return rows.size();
  }

  /** Forgets every row captured after {@code mark}: they were rolled back. */
  public void rollbackTo(int mark) {
    rows.subList(mark, rows.size()).clear();
  }

  /** The rows captured from {@code mark} on, oldest first; the buffer keeps them. */
  public List<CapturedRow> rowsFrom(int mark) {
    return List.copyOf(rows.subList(mark, rows.size()));
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Everything captured so far, oldest first; the buffer is empty afterwards. */
  public List<CapturedRow> drain() {
    List<CapturedRow> out = List.copyOf(rows);
    rows.clear();
    return out;
  }

  /** Ends an activation; never throws. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
