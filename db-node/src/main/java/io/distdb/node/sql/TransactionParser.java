package io.distdb.node.sql;

import java.util.Locale;

/**
 * Reads transaction control: BEGIN, START TRANSACTION, COMMIT/END, ROLLBACK/ABORT, SAVEPOINT,
 * RELEASE and ROLLBACK TO. Variants distdb does not implement (AND CHAIN, two-phase commit) come
 * back as OTHER with their tag, so the service can refuse them instead of half-executing them.
 */
final class TransactionParser {

  private final TokenStream in;

  TransactionParser(TokenStream in) {
    this.in = in;
  }

  /** Null if the statement is not transaction control. */
  Statement parse() throws StatementException {
    if (in.accept("BEGIN")) {
      if (!in.accept("WORK")) {
        in.accept("TRANSACTION");
      }
      return begin("BEGIN");
    }
    if (in.accept("START", "TRANSACTION")) {
      return begin("START TRANSACTION");
    }
    if (in.accept("COMMIT", "PREPARED")) {
      return SimpleStatement.of(StatementKind.OTHER, "COMMIT PREPARED");
    }
    if (in.accept("ROLLBACK", "PREPARED")) {
      return SimpleStatement.of(StatementKind.OTHER, "ROLLBACK PREPARED");
    }
    if (in.accept("PREPARE", "TRANSACTION")) {
      return SimpleStatement.of(StatementKind.OTHER, "PREPARE TRANSACTION");
    }
    if (in.accept("COMMIT") || in.accept("END")) {
      return end(TransactionCommand.Op.COMMIT, "COMMIT");
    }
    if (in.accept("ROLLBACK") || in.accept("ABORT")) {
      skipWorkOrTransaction();
      if (in.accept("TO")) {
        in.accept("SAVEPOINT");
        return savepointCommand(TransactionCommand.Op.ROLLBACK_TO_SAVEPOINT, "ROLLBACK");
      }
      return end(TransactionCommand.Op.ROLLBACK, "ROLLBACK");
    }
    if (in.accept("SAVEPOINT")) {
      return savepointCommand(TransactionCommand.Op.SAVEPOINT, "SAVEPOINT");
    }
    if (in.accept("RELEASE")) {
      in.accept("SAVEPOINT");
      return savepointCommand(TransactionCommand.Op.RELEASE_SAVEPOINT, "RELEASE");
    }
    return null;
  }

  private Statement begin(String tag) throws StatementException {
    TransactionModes modes = TransactionModes.read(in);
    in.expectEnd();
    return new TransactionCommand(
        TransactionCommand.Op.BEGIN,
        tag,
        null,
        modes.isolationLevel(),
        modes.readOnly(),
        Boolean.TRUE.equals(modes.readWrite()));
  }

  private Statement end(TransactionCommand.Op op, String tag) throws StatementException {
    skipWorkOrTransaction();
    if (in.accept("AND", "CHAIN")) {
      in.expectEnd();
      return SimpleStatement.of(StatementKind.OTHER, tag);
    }
    in.accept("AND", "NO", "CHAIN");
    in.expectEnd();
    return new TransactionCommand(op, tag, null, null, false);
  }

  private Statement savepointCommand(TransactionCommand.Op op, String tag)
      throws StatementException {
    String name = in.name();
    in.expectEnd();
    return new TransactionCommand(op, tag, name, null, false);
  }

  private void skipWorkOrTransaction() {
    if (!in.accept("WORK")) {
      in.accept("TRANSACTION");
    }
  }

  /**
   * The modes of BEGIN / START TRANSACTION / SET TRANSACTION: ISOLATION LEVEL x, READ ONLY|WRITE,
   * [NOT] DEFERRABLE, optionally comma-separated. DEFERRABLE is accepted and ignored, as PostgreSQL
   * ignores it outside SERIALIZABLE READ ONLY.
   *
   * @param readWrite null when neither READ ONLY nor READ WRITE was given
   */
  record TransactionModes(String isolationLevel, Boolean readWrite) {

    boolean readOnly() {
      return Boolean.FALSE.equals(readWrite);
    }

    static TransactionModes read(TokenStream in) throws StatementException {
      String isolation = null;
      Boolean readWrite = null;
      while (!in.atEnd()) {
        if (in.accept("ISOLATION", "LEVEL")) {
          isolation = isolationLevel(in);
        } else if (in.accept("READ", "ONLY")) {
          readWrite = false;
        } else if (in.accept("READ", "WRITE")) {
          readWrite = true;
        } else if (!in.accept("DEFERRABLE") && !in.accept("NOT", "DEFERRABLE")) {
          break;
        }
        in.acceptSymbol(",");
      }
      return new TransactionModes(isolation, readWrite);
    }

    private static String isolationLevel(TokenStream in) throws StatementException {
      String[][] levels = {
        {"SERIALIZABLE"}, {"REPEATABLE", "READ"}, {"READ", "COMMITTED"}, {"READ", "UNCOMMITTED"}
      };
      for (String[] level : levels) {
        if (in.accept(level)) {
          return String.join(" ", level).toLowerCase(Locale.ROOT);
        }
      }
      throw in.syntaxError();
    }
  }
}
