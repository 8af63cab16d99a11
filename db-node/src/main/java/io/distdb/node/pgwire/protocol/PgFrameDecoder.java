package io.distdb.node.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the inbound byte stream into {@link RawFrame}s. The PostgreSQL v3 protocol has two framings.
 *
 * <p>Startup phase (first message, and again after an SSLRequest/GSSENCRequest was refused):
 *
 * <pre>
 *  +---------------+---------------+------------------------------+
 *  | int32 length  | int32 code    | payload (length - 8 bytes)   |
 *  | (incl. itself)| 196608 = v3.0 | key\0value\0 ... \0          |
 *  +---------------+---------------+------------------------------+
 *    code 80877103 = SSLRequest, 80877104 = GSSENCRequest (both length 8),
 *    code 80877102 = CancelRequest (length 16: pid, secret)
 * </pre>
 *
 * <p>Normal phase (everything after a real startup packet):
 *
 * <pre>
 *  +--------+---------------+------------------------------+
 *  | byte   | int32 length  | payload (length - 4 bytes)   |
 *  | type   | (incl. itself)|                              |
 *  +--------+---------------+------------------------------+
 * </pre>
 *
 * <p>The length and type byte are checked as soon as the header is in, before the body is buffered,
 * so a hostile 1 GiB length prefix costs nothing: it is rejected with a {@link ProtocolException}
 * and every later byte is discarded (the connection is being closed).
 */
public final class PgFrameDecoder extends ByteToMessageDecoder {

  /** PostgreSQL's own cap on startup packets (MAX_STARTUP_PACKET_LENGTH). */
  static final int MAX_STARTUP_LENGTH = 10_000;

  private static final String KNOWN_TYPES = "QPBDESHCXpFdcf";

  private final int maxAuthenticatedSize;
  private volatile int maxMessageSize;
  private boolean startupPhase = true;
  private boolean failed;

  /** The same limit before and after authentication. */
  public PgFrameDecoder(int maxMessageSize) {
    this(maxMessageSize, maxMessageSize);
  }

  /**
   * @param maxUnauthenticatedSize the limit until {@link #authenticated()}: password and SASL
   *     messages are small, and a stranger should not make us buffer megabytes
   * @param maxAuthenticatedSize the limit after it
   */
  public PgFrameDecoder(int maxUnauthenticatedSize, int maxAuthenticatedSize) {
    this.maxMessageSize = Math.min(maxUnauthenticatedSize, maxAuthenticatedSize);
    this.maxAuthenticatedSize = maxAuthenticatedSize;
  }

  /** The client has authenticated: from now on the larger limit applies. */
  public void authenticated() {
    maxMessageSize = maxAuthenticatedSize;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      RawFrame frame = startupPhase ? decodeStartup(in) : decodeNormal(in);
      if (frame != null) {
        out.add(frame);
      }
    } catch (ProtocolException e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  private RawFrame decodeStartup(ByteBuf in) {
    if (in.readableBytes() < 8) {
      return null;
    }
    int start = in.readerIndex();
    int length = in.getInt(start);
    if (length < 8 || length > MAX_STARTUP_LENGTH) {
      throw new ProtocolException("invalid length of startup packet");
    }
    if (in.readableBytes() < length) {
      return null;
    }
    int code = in.getInt(start + 4);
    // Only a real startup packet moves us on; after a refused SSL/GSS request the client sends
    // another startup-phase frame on the same connection.
    if (ProtocolCodes.major(code) == 3) {
      startupPhase = false;
    }
    in.skipBytes(4);
    return new RawFrame(RawFrame.STARTUP, in.readRetainedSlice(length - 4));
  }

  private RawFrame decodeNormal(ByteBuf in) {
    if (in.readableBytes() < 5) {
      return null;
    }
    int start = in.readerIndex();
    byte type = in.getByte(start);
    if (KNOWN_TYPES.indexOf(type) < 0 || type == 0) {
      throw new ProtocolException("invalid frontend message type " + (type & 0xFF));
    }
    int length = in.getInt(start + 1);
    if (length < 4) {
      throw new ProtocolException("invalid message length " + length);
    }
    int max = maxMessageSize;
    if (length > max) {
      throw new ProtocolException("message length " + length + " exceeds the maximum of " + max);
    }
    if (in.readableBytes() < length + 1) {
      return null;
    }
    in.skipBytes(5);
    return new RawFrame(type, in.readRetainedSlice(length - 4));
  }
}
