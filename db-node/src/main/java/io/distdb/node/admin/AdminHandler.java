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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the four admin paths; everything else is 404, anything but GET/HEAD is 405. */
@Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private final AdminEndpoints endpoints;
  private final ObjectMapper json = new ObjectMapper();

  AdminHandler(AdminEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    FullHttpResponse response;
    try {
      response = route(request);
    } catch (Exception e) {
      log.atWarn().setCause(e).log("admin request failed");
      response = text(HttpResponseStatus.INTERNAL_SERVER_ERROR, TEXT, "internal error\n");
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (request.method().equals(HttpMethod.HEAD)) {
      response.content().clear();
    }
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private FullHttpResponse route(FullHttpRequest request) throws Exception {
    if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
      FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, TEXT, "use GET\n");
      r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      return r;
    }
    String path = new QueryStringDecoder(request.uri()).path();
    switch (path) {
      case NodeEnvironment.PATH_HEALTHZ:
        {
          String reason = endpoints.notLiveReason();
          return reason == null
              ? text(HttpResponseStatus.OK, TEXT, "ok\n")
              : text(HttpResponseStatus.SERVICE_UNAVAILABLE, TEXT, "failed: " + reason + "\n");
        }
      case NodeEnvironment.PATH_READYZ:
        {
          String reason = endpoints.notReadyReason();
          return reason == null
              ? text(HttpResponseStatus.OK, TEXT, "ready\n")
              : text(HttpResponseStatus.SERVICE_UNAVAILABLE, TEXT, reason + "\n");
        }
      case NodeEnvironment.PATH_STATUS:
        return text(
            HttpResponseStatus.OK,
            JSON,
            json.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints.status()) + "\n");
      case NodeEnvironment.PATH_CHECKSUMS:
        return text(
            HttpResponseStatus.OK,
            JSON,
            json.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints.checksums()) + "\n");
      case NodeEnvironment.PATH_METRICS:
        return text(HttpResponseStatus.OK, PROMETHEUS, endpoints.metrics());
      default:
        return text(HttpResponseStatus.NOT_FOUND, TEXT, "no such path: " + path + "\n");
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
