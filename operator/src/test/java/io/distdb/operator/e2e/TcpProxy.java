package io.distdb.operator.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A TCP forwarder: each accepted connection goes to the backend {@code backend} names at that
 * moment (none: the connection is closed, as a Service without endpoints refuses). While {@link
 * #blackhole} is on, bytes in both directions are read and dropped, so both ends see a silent but
 * open link, as with a firewall DROP rule.
 */
final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final Supplier<Optional<InetSocketAddress>> backend;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean blackholed;
  private volatile boolean closed;

  /** Listens on {@code ip}:{@code port} (0 picks one) and forwards to {@code backend}. */
  TcpProxy(String ip, int port, Supplier<Optional<InetSocketAddress>> backend) throws IOException {
    this.backend = backend;
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getByName(ip), port), 64);
    Thread acceptor = new Thread(this::accept, "proxy-" + ip + ":" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  /** Drops (true) or forwards again (false) every byte of every connection. */
  void blackhole(boolean on) {
    blackholed = on;
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      Optional<InetSocketAddress> target = backend.get();
      if (target.isEmpty()) {
        quietClose(client);
        continue;
      }
      Thread t = new Thread(() -> connect(client, target.get()), "proxy-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void connect(Socket client, InetSocketAddress target) {
    Socket upstream = new Socket();
    try {
      upstream.connect(target, 2000);
    } catch (IOException e) {
      quietClose(client);
      quietClose(upstream);
      return;
    }
    sockets.add(client);
    sockets.add(upstream);
    Thread back = new Thread(() -> pump(upstream, client), "proxy-pump");
    back.setDaemon(true);
    back.start();
    pump(client, upstream);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (!blackholed) {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // one side closed or reset: close both, as a broken TCP path would
    } finally {
      quietClose(from);
      quietClose(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void quietClose(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    sockets.forEach(TcpProxy::quietClose);
  }
}
