package io.distdb.node;

import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * Tells a start-up failure caused by damaged data on the node's volume (a corrupt log record in a
 * committed segment, a corrupt storage file or node-state record, a log whose replay no longer fits
 * the stored data) from one a restart can fix or an operator must decide (bad options, a full disk,
 * a log from a newer version). A node with damaged data stays up to say so (see {@link
 * DamagedNode}): restarting it would fail the same way forever, while a slave's volume can be
 * recreated and re-seeded from its master.
 */
final class DamagedData {

  private DamagedData() {}

  /** What is damaged, or null if {@code failure} is not damage to the data. */
  static String explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
        return "corrupt data: storage file: " + firstLine(s.getMessage());
      }
      if (t instanceof io.distdb.node.command.ApplyException) {
        return "corrupt data: the log does not replay onto the stored data: "
            + firstLine(t.getMessage());
      }
      String message = t.getMessage();
      if (message != null && message.contains("corrupt")) {
        return "corrupt data: " + firstLine(message);
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
