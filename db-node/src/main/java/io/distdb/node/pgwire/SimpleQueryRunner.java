package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.CommandComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.EmptyQueryResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.RowDescription;
import io.distdb.node.service.CopyIn;
import io.distdb.node.service.ExecutionResult;
import io.distdb.node.service.PreparedSql;
import io.distdb.node.service.RowCursor;
import io.distdb.node.service.SqlException;
import io.distdb.node.service.SqlSession;
import java.util.List;

/**
 * The simple query protocol ('Q'): every statement of the string in turn, all results in text,
 * stopping at the first error. A {@code COPY ... FROM STDIN} pauses the string until its data has
 * arrived ({@link Paused}). The caller sends the closing ReadyForQuery.
 */
final class SimpleQueryRunner {

  private static final int[] NO_PARAMETER_TYPES = new int[0];

  /** A query string stopped at a COPY FROM STDIN: the statements after it run once it is done. */
  record Paused(CopyIn copy, List<String> statements, int next) {}

  private final SqlSession session;
  private final ConnectionOutput out;
  private final ErrorReporter errors;
  private final ResultStreamer streamer;
  private final StatementControl control;

  SimpleQueryRunner(
      SqlSession session, ConnectionOutput out, ErrorReporter errors, StatementControl control) {
    this.session = session;
    this.out = out;
    this.errors = errors;
    this.control = control;
    this.streamer = new ResultStreamer(out, control);
  }

  /** Runs the query string; null when it ran to its end or error, else where it paused. */
  Paused run(String query) {
    try {
      List<String> statements = session.split(query);
      if (statements.isEmpty()) {
        out.write(new EmptyQueryResponse());
      }
      return runFrom(statements, 0);
    } catch (SqlException | RuntimeException e) {
      errors.report(e);
      return null;
    }
  }

  /** Runs {@code statements} from index {@code from} on, as {@link #run} does. */
  Paused resume(Paused paused) {
    try {
      return runFrom(paused.statements(), paused.next());
    } catch (SqlException | RuntimeException e) {
      errors.report(e);
      return null;
    }
  }

  private Paused runFrom(List<String> statements, int from) throws SqlException {
    for (int i = from; i < statements.size(); i++) {
      String sql = statements.get(i);
      CopyIn copy = control.run(() -> runOne(sql));
      if (copy != null) {
        return new Paused(copy, statements, i + 1);
      }
      if (!out.isOpen()) {
        return null;
      }
    }
    return null;
  }

  private CopyIn runOne(String sql) throws SqlException {
    try (PreparedSql prepared = session.prepare(sql, NO_PARAMETER_TYPES)) {
      if (prepared.isEmpty()) {
        out.write(new EmptyQueryResponse());
        return null;
      }
      ExecutionResult result = session.execute(prepared, List.of());
      NoticeSender.send(result, out);
      if (result.copyIn() != null) {
        return BinaryCopyIn.start(result, out);
      }
      if (result.copyOut() != null) {
        try (RowCursor rows = result.rows()) {
          out.write(new CommandComplete(result.completionTag(streamer.copyOut(result))));
        }
        return null;
      }
      if (!result.returnsRows()) {
        out.write(new CommandComplete(result.tag()));
        return null;
      }
      try (RowCursor rows = result.rows()) {
        out.write(new RowDescription(result.columns(), null));
        ResultStreamer.Outcome outcome =
            streamer.stream(rows, ResultStreamer.types(result.columns()), null, 0);
        out.write(new CommandComplete(result.completionTag(outcome.rows())));
      }
    }
    return null;
  }
}
