package io.distdb.operator.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * The operator's network path to the nodes' admin APIs. While {@link #cut} is on, every poll is
 * routed to an address where nothing listens, so the operator reaches no node at all (it is the
 * isolated one) while the nodes and the API server go on as before.
 */
public final class OperatorLink extends ProxySelector {

  private static final List<Proxy> DEAD_END =
      List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(Loopback.DEAD_END, 9)));

  private volatile boolean cut;

  /** The HTTP client the operator's health monitor polls with. */
  public HttpClient httpClient() {
    return HttpClient.newBuilder().proxy(this).connectTimeout(Duration.ofSeconds(1)).build();
  }

  public void cut(boolean on) {
    cut = on;
  }

  @Override
  public List<Proxy> select(URI uri) {
    return cut ? DEAD_END : List.of(Proxy.NO_PROXY);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // the cut is the point
  }
}
