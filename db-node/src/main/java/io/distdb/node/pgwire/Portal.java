package io.distdb.node.pgwire;

import io.distdb.node.service.ExecutionResult;
import java.util.List;

/**
 * A bound statement: parameters fixed, result formats chosen, executed lazily by the first Execute
 * and then, for a row-returning statement, resumable until its cursor is exhausted.
 */
final class Portal {

  final StatementHandle statement;
  final List<Object> parameters;
  final short[] resultFormatCodes;
  ExecutionResult result;
  boolean completed;

  Portal(StatementHandle statement, List<Object> parameters, short[] resultFormatCodes) {
    this.statement = statement;
    this.parameters = parameters;
    this.resultFormatCodes = resultFormatCodes;
  }

  boolean started() {
    return result != null;
  }

  /** The portal ran to completion: its cursor is closed now, not when the portal is dropped. */
  void complete() {
    if (!completed && result != null && result.rows() != null) {
      result.rows().close();
    }
    completed = true;
  }

  void close() {
    complete();
    statement.release();
  }
}
