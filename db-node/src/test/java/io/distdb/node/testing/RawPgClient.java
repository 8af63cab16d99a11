package io.distdb.node.testing;

import io.distdb.node.pgwire.ServerMessages.Msg;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL client on a plain socket, for what drivers will not do: stall, send bad bytes, send
 * a CancelRequest by hand. Only trust authentication is spoken.
 */
public final class RawPgClient implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private int processId;
  private int secretKey;

  private RawPgClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    socket.setSoTimeout(30_000);
  }

  public static RawPgClient connect(int port) throws IOException {
    return connect(port, InetAddress.getLoopbackAddress());
  }

  /** Connects from {@code local} (any 127.x address works on Linux). */
  public static RawPgClient connect(int port, InetAddress local) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(local, 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return new RawPgClient(s);
  }

  /** Sends the startup packet and reads up to ReadyForQuery (or an error). */
  public List<Msg> startup(String user, String database) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(1024);
    body.putInt(196608);
    for (String s : new String[] {"user", user, "database", database}) {
      body.put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    }
    body.put((byte) 0);
    send(withLength(body));
    List<Msg> msgs = readUntil('Z');
    for (Msg m : msgs) {
      if (m.type() == 'K') {
        ByteBuffer k = ByteBuffer.wrap(m.body());
        processId = k.getInt();
        secretKey = k.getInt();
      }
    }
    return msgs;
  }

  /** Sends a simple Query whose text is {@code sql}'s raw bytes. */
  public void sendQuery(byte[] sql) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(5 + sql.length + 1);
    b.put((byte) 'Q').putInt(4 + sql.length + 1).put(sql).put((byte) 0);
    send(b.array());
  }

  public List<Msg> query(String sql) throws IOException {
    sendQuery(sql.getBytes(StandardCharsets.UTF_8));
    return readUntil('Z');
  }

  /** A CancelRequest on a new connection for {@code target}'s session, as psql sends on ^C. */
  public static void cancel(int port, RawPgClient target) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      ByteBuffer b = ByteBuffer.allocate(16);
      b.putInt(16).putInt(80877102).putInt(target.processId).putInt(target.secretKey);
      s.getOutputStream().write(b.array());
      s.getOutputStream().flush();
      s.setSoTimeout(10_000);
      // The server closes without a reply.
      s.getInputStream().read();
    }
  }

  public void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Messages up to and including the first of type {@code last}, or up to end of stream. */
  public List<Msg> readUntil(char last) throws IOException {
    List<Msg> msgs = new ArrayList<>();
    while (true) {
      Msg m = read();
      if (m == null) {
        return msgs;
      }
      msgs.add(m);
      if (m.type() == last || (m.type() == 'E' && isFatal(m))) {
        return msgs;
      }
    }
  }

  private static boolean isFatal(Msg m) {
    return "FATAL".equals(m.fields().get('S'));
  }

  /** The next message, or null at end of stream. */
  public Msg read() throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    int length = in.readInt();
    byte[] body = new byte[length - 4];
    in.readFully(body);
    return new Msg((char) type, body);
  }

  /** True once the server has closed the connection (waits up to the socket timeout). */
  public boolean closedByServer(int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (EOFException | java.net.SocketException e) {
      return true;
    }
  }

  public static byte[] withLength(ByteBuffer body) {
    int n = body.position();
    ByteBuffer b = ByteBuffer.allocate(n + 4);
    b.putInt(n + 4).put(body.array(), 0, n);
    return b.array();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
