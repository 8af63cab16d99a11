package io.distdb.node.replication.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the inbound byte stream into frames. Layout of one frame:
 *
 * <pre>
 *  0               4       5
 * +---------------+-------+---------------------------------+
 * | length: int32 | type  | body: length - 1 bytes          |
 * | big-endian    | uint8 | (layout per type, see           |
 * |               |       |  {@link MessageCodec})          |
 * +---------------+-------+---------------------------------+
 *                 |&lt;------------- length bytes ------------&gt;|
 * </pre>
 *
 * <p>{@code length} counts everything after itself, so it is at least 1 (the type byte) and at most
 * {@code maxFrameLength}. Emits the type byte and body as a retained slice for {@link
 * ReplicationMessageDecoder}; no business handler ever sees these buffers.
 *
 * <p>The length is validated as soon as its four bytes arrive, before any body bytes are awaited,
 * so a forged length (negative or huge) fails at once and nothing of the declared size is ever
 * allocated. After a corrupt frame the stream cannot be resynchronised: the decoder discards
 * everything that follows and the pipeline's {@link ProtocolErrorHandler} closes the channel.
 */
public final class ReplicationFrameDecoder extends ByteToMessageDecoder {

  /** Default maximum value of the length field: 16 MiB. */
  public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

  /** Frames a peer may send before it has authenticated: a Hello is a few hundred bytes. */
  public static final int MAX_HANDSHAKE_FRAME_LENGTH = 4 * 1024;

  private final int maxAuthenticatedLength;
  private volatile int maxFrameLength;
  private boolean corrupt;

  public ReplicationFrameDecoder() {
    this(DEFAULT_MAX_FRAME_LENGTH);
  }

  public ReplicationFrameDecoder(int maxFrameLength) {
    if (maxFrameLength < 1) {
      throw new IllegalArgumentException("maxFrameLength must be >= 1: " + maxFrameLength);
    }
    this.maxFrameLength = maxFrameLength;
    this.maxAuthenticatedLength = maxFrameLength;
  }

  /** Only handshake-sized frames until {@link #authenticated()}. */
  static ReplicationFrameDecoder untilAuthenticated(int maxFrameLength) {
    ReplicationFrameDecoder d = new ReplicationFrameDecoder(maxFrameLength);
    d.maxFrameLength = Math.min(maxFrameLength, MAX_HANDSHAKE_FRAME_LENGTH);
    return d;
  }

  /** The peer proved it knows the secret: full-size frames from now on. */
  void authenticated() {
    maxFrameLength = maxAuthenticatedLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (corrupt) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < MessageCodec.LENGTH_FIELD_BYTES) {
      return;
    }
    int length = in.getInt(in.readerIndex());
    int max = maxFrameLength;
    if (length < 1 || length > max) {
      corrupt = true;
      in.skipBytes(in.readableBytes());
      throw new CorruptFrameException("frame length " + length + " outside [1, " + max + "]");
    }
    if (in.readableBytes() < MessageCodec.LENGTH_FIELD_BYTES + length) {
      return; // wait for the rest; the cumulation grows only as bytes actually arrive
    }
    in.skipBytes(MessageCodec.LENGTH_FIELD_BYTES);
    out.add(in.readRetainedSlice(length));
  }
}
