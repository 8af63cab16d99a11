package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.CommandComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.EmptyQueryResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.RowDescription;
import io.distdb.node.service.ExecutionResult;
import io.distdb.node.service.PreparedSql;
import io.distdb.node.service.RowCursor;
import io.distdb.node.service.SqlException;
import io.distdb.node.service.SqlSession;
import java.util.List;

/**
 * The simple query protocol ('Q'): every statement of the string in turn, all results in text,
 * stopping at the first error. The caller sends the closing ReadyForQuery.
 */
final class SimpleQueryRunner {

  private static final int[] NO_PARAMETER_TYPES = new int[0];

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

  void run(String query) {
    try {
      List<String> statements = session.split(query);
      if (statements.isEmpty()) {
        out.write(new EmptyQueryResponse());
      }
      for (String sql : statements) {
        control.run(() -> runOne(sql));
        if (!out.isOpen()) {
          return;
        }
      }
    } catch (SqlException | RuntimeException e) {
      errors.report(e);
    }
  }

  private Void runOne(String sql) throws SqlException {
    try (PreparedSql prepared = session.prepare(sql, NO_PARAMETER_TYPES)) {
      if (prepared.isEmpty()) {
        out.write(new EmptyQueryResponse());
        return null;
      }
      ExecutionResult result = session.execute(prepared, List.of());
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
