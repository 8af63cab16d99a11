package io.distdb.node.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One length-delimited frame as {@link PgFrameDecoder} cut it out of the stream. Startup-phase
 * frames have no type byte: they carry {@link #STARTUP} and a payload that begins with the int32
 * protocol code.
 */
public final class RawFrame extends DefaultByteBufHolder {

  /** Pseudo type of frames from the startup phase. */
  public static final byte STARTUP = 0;

  private final byte type;

  public RawFrame(byte type, ByteBuf payload) {
    super(payload);
    this.type = type;
  }

  public byte type() {
    return type;
  }

  public boolean isStartup() {
    return type == STARTUP;
  }
}
