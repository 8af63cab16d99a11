package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.CommandComplete;
import io.distdb.node.pgwire.protocol.FrontendMessage;
import io.distdb.node.pgwire.protocol.FrontendMessage.CopyData;
import io.distdb.node.pgwire.protocol.FrontendMessage.CopyDone;
import io.distdb.node.pgwire.protocol.FrontendMessage.CopyFail;
import io.distdb.node.pgwire.protocol.FrontendMessage.Flush;
import io.distdb.node.pgwire.protocol.FrontendMessage.Sync;
import io.distdb.node.pgwire.protocol.FrontendMessage.Terminate;
import io.distdb.node.service.CopyIn;
import io.distdb.node.service.SqlException;

/**
 * Copy-in mode after CopyInResponse: CopyData goes to the session's {@link CopyIn} as it arrives,
 * CopyDone completes the COPY, CopyFail or any other message aborts it (57014 / 08P01), and Flush
 * and Sync are ignored, all as PostgreSQL's protocol says. Afterwards the command phase takes over:
 * for a simple Query it runs the statements that followed the COPY, for the extended protocol an
 * error discards messages until Sync.
 */
final class CopyInPhase implements Phase {

  /** What the command phase does once the COPY has ended. */
  interface Resume {
    /** The COPY committed (its CommandComplete is written). */
    Phase succeeded();

    /** The COPY failed (its ErrorResponse is written). */
    Phase failed();
  }

  private final CommandPhase commands;
  private final CopyIn sink;
  private final ConnectionOutput out;
  private final ErrorReporter errors;
  private final Resume resume;

  CopyInPhase(
      CommandPhase commands,
      CopyIn sink,
      ConnectionOutput out,
      ErrorReporter errors,
      Resume resume) {
    this.commands = commands;
    this.sink = sink;
    this.out = out;
    this.errors = errors;
    this.resume = resume;
  }

  @Override
  public Phase handle(FrontendMessage msg) {
    try {
      if (msg instanceof CopyData data) {
        sink.data(data.data());
        return this;
      }
      if (msg instanceof CopyDone) {
        out.write(new CommandComplete(sink.done()));
        return resume.succeeded();
      }
      if (msg instanceof Flush || msg instanceof Sync) {
        return this;
      }
      if (msg instanceof Terminate) {
        sink.fail();
        out.close();
        return commands;
      }
      if (msg instanceof CopyFail fail) {
        throw sink.failedBy("57014", "COPY from stdin failed: " + fail.message());
      }
      throw sink.failedBy(
          "08P01",
          "unexpected message " + msg.getClass().getSimpleName() + " during COPY from stdin");
    } catch (SqlException | RuntimeException e) {
      sink.fail();
      errors.report(e);
      return resume.failed();
    }
  }

  @Override
  public long idleInTransactionTimeoutMillis() {
    return commands.idleInTransactionTimeoutMillis();
  }

  @Override
  public void idleInTransactionTimedOut() {
    commands.idleInTransactionTimedOut();
  }

  @Override
  public void close() {
    sink.fail();
    commands.close();
  }
}
