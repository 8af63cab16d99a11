package io.distdb.node.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.distdb.adminapi.NodeEnvironment;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the admin paths; everything else is 404, anything but GET/HEAD is 405. The probes are
 * answered on the event loop, open and cheap; {@code /status}, {@code /metrics} and {@code
 * /checksums} need the bearer token when one is configured and run on worker threads, checksums on
 * their own single thread (one at a time, a few queued at most), so no probe ever waits on them.
 */
@Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  /** A request's work, run off the event loop. */
  private interface Work {
    FullHttpResponse run() throws Exception;
  }

  private final AdminEndpoints endpoints;
  private final BearerToken token;
  private final ExecutorService reports;
  private final ExecutorService checksums;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param token null: the reports are open to anyone who reaches the port
   */
  AdminHandler(
      AdminEndpoints endpoints,
      BearerToken token,
      ExecutorService reports,
      ExecutorService checksums) {
    this.endpoints = endpoints;
    this.token = token;
    this.reports = reports;
    this.checksums = checksums;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean head = request.method().equals(HttpMethod.HEAD);
    String path = new QueryStringDecoder(request.uri()).path();
    if (!request.method().equals(HttpMethod.GET) && !head) {
      FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, TEXT, "use GET\n");
      r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      send(ctx, r, keepAlive, head);
      return;
    }
    switch (path) {
      case NodeEnvironment.PATH_HEALTHZ -> send(ctx, probe(false), keepAlive, head);
      case NodeEnvironment.PATH_READYZ -> send(ctx, probe(true), keepAlive, head);
      case NodeEnvironment.PATH_STATUS,
          NodeEnvironment.PATH_METRICS,
          NodeEnvironment.PATH_CHECKSUMS -> {
        if (token != null && !token.matches(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
          FullHttpResponse r =
              text(HttpResponseStatus.UNAUTHORIZED, TEXT, "bearer token required\n");
          r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"distdb\"");
          send(ctx, r, keepAlive, head);
          return;
        }
        ExecutorService pool = path.equals(NodeEnvironment.PATH_CHECKSUMS) ? checksums : reports;
        offload(ctx, pool, () -> report(path), keepAlive, head);
      }
      default ->
          send(
              ctx,
              text(HttpResponseStatus.NOT_FOUND, TEXT, "no such path: " + path + "\n"),
              keepAlive,
              head);
    }
  }

  private FullHttpResponse probe(boolean readiness) {
    if (!readiness) {
      String failure = endpoints.notLiveReason();
      return failure == null
          ? text(HttpResponseStatus.OK, TEXT, "ok\n")
          : text(HttpResponseStatus.SERVICE_UNAVAILABLE, TEXT, "failed: " + failure + "\n");
    }
    String reason = endpoints.notReadyReason();
    return reason == null
        ? text(HttpResponseStatus.OK, TEXT, "ready\n")
        : text(HttpResponseStatus.SERVICE_UNAVAILABLE, TEXT, reason + "\n");
  }

  private FullHttpResponse report(String path) throws Exception {
    return switch (path) {
      case NodeEnvironment.PATH_STATUS ->
          text(
              HttpResponseStatus.OK,
              JSON,
              json.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints.status()) + "\n");
      case NodeEnvironment.PATH_CHECKSUMS ->
          text(
              HttpResponseStatus.OK,
              JSON,
              json.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints.checksums())
                  + "\n");
      default -> text(HttpResponseStatus.OK, PROMETHEUS, endpoints.metrics());
    };
  }

  private void offload(
      ChannelHandlerContext ctx, ExecutorService pool, Work work, boolean keepAlive, boolean head) {
    try {
      pool.execute(
          () -> {
            FullHttpResponse response;
            try {
              response = work.run();
            } catch (Exception e) {
              log.atWarn().setCause(e).log("admin request failed");
              response = text(HttpResponseStatus.INTERNAL_SERVER_ERROR, TEXT, "internal error\n");
            }
            send(ctx, response, keepAlive, head);
          });
    } catch (RejectedExecutionException e) {
      send(
          ctx,
          text(HttpResponseStatus.SERVICE_UNAVAILABLE, TEXT, "busy, try again later\n"),
          keepAlive,
          head);
    }
  }

  private static void send(
      ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive, boolean head) {
    HttpUtil.setKeepAlive(response, keepAlive);
    if (head) {
      response.content().clear();
    }
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static FullHttpResponse text(HttpResponseStatus status, String type, String body) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    HttpUtil.setContentLength(r, r.content().readableBytes());
    return r;
  }
}
