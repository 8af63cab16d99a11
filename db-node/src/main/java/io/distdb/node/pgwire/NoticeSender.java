package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.distdb.node.service.ExecutionResult;
import io.distdb.node.service.Notice;

/** Sends a statement's NOTICEs as NoticeResponse messages, before its rows or CommandComplete. */
final class NoticeSender {

  private NoticeSender() {}

  static void send(ExecutionResult result, ConnectionOutput out) {
    for (Notice notice : result.notices()) {
      out.write(toMessage(notice));
    }
  }

  static ErrorResponse toMessage(Notice notice) {
    return new ErrorResponse(
        "NOTICE", notice.sqlState(), notice.message(), notice.detail(), null, true);
  }
}
