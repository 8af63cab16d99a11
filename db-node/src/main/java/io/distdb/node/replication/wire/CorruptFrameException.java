package io.distdb.node.replication.wire;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * The byte stream does not follow the replication framing or a message body is malformed. The
 * stream cannot be resynchronised after this, so the connection must be closed.
 *
 * <p>Extends Netty's {@link CorruptedFrameException} (a {@code DecoderException}) so Netty's
 * decoders pass it through unwrapped.
 */
public class CorruptFrameException extends CorruptedFrameException {

  private static final long serialVersionUID = 1L;

  public CorruptFrameException(String message) {
    super(message);
  }

  public CorruptFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
