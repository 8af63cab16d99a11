package io.distdb.node.pgwire.protocol;

import java.util.List;
import java.util.Map;

/** A message from the client, decoded from one {@link RawFrame}. */
public sealed interface FrontendMessage {

  /** The startup packet: protocol code and the key/value parameters (user, database, ...). */
  record Startup(int protocolCode, Map<String, String> parameters) implements FrontendMessage {}

  record SslRequest() implements FrontendMessage {}

  record GssEncRequest() implements FrontendMessage {}

  record CancelRequest(int processId, int secretKey) implements FrontendMessage {}

  /** 'Q': a simple query string, possibly several statements. */
  record Query(String sql) implements FrontendMessage {}

  /** 'P': parameter type OIDs may be shorter than the parameter count, 0 = unspecified. */
  record Parse(String statement, String sql, int[] parameterTypes) implements FrontendMessage {}

  /** 'B': a parameter value of {@code null} is SQL NULL (length -1 on the wire). */
  record Bind(
      String portal,
      String statement,
      short[] parameterFormats,
      List<byte[]> parameters,
      short[] resultFormats)
      implements FrontendMessage {}

  /** 'D': kind 'S' (statement) or 'P' (portal). */
  record Describe(char kind, String name) implements FrontendMessage {}

  /** 'E': maxRows 0 means all rows. */
  record Execute(String portal, int maxRows) implements FrontendMessage {}

  /** 'C': kind 'S' (statement) or 'P' (portal). */
  record Close(char kind, String name) implements FrontendMessage {}

  record Sync() implements FrontendMessage {}

  record Flush() implements FrontendMessage {}

  record Terminate() implements FrontendMessage {}

  /**
   * 'p': a password, SASLInitialResponse or SASLResponse; which one depends on the authentication
   * state, so the bytes are interpreted there.
   */
  record PasswordMessage(byte[] data) implements FrontendMessage {}

  /** 'F': the legacy fast-path function call, not supported. */
  record FunctionCall() implements FrontendMessage {}

  /** 'd', 'c', 'f': the COPY sub-protocol, which PostgreSQL ignores outside COPY FROM STDIN. */
  sealed interface CopyMessage extends FrontendMessage {}

  /** 'd': a chunk of COPY data, cut anywhere. */
  record CopyData(byte[] data) implements CopyMessage {}

  /** 'c': the end of COPY data. */
  record CopyDone() implements CopyMessage {}

  /** 'f': the client gives up the COPY, with its reason. */
  record CopyFail(String message) implements CopyMessage {}

  /**
   * A well-framed message whose text is not valid UTF-8: {@code type} is the message's type byte (0
   * in the startup phase), {@code message} PostgreSQL's 22021 text.
   */
  record InvalidText(char type, String message) implements FrontendMessage {}
}
