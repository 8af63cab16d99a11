package io.distdb.adminapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small client of one db-node's admin API: {@code GET /status} with the bearer token. Every call
 * has its own timeout, so one hung node cannot hold up a caller that polls many. Unknown JSON
 * fields are ignored (the API only ever adds fields).
 */
public final class NodeAdminClient {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final HttpClient http;

  /**
   * @param http the HTTP client to share (its connect timeout bounds connecting)
   */
  public NodeAdminClient(HttpClient http) {
    this.http = http;
  }

  /** A client with its own HTTP client whose connect timeout is {@code connectTimeout}. */
  public static NodeAdminClient create(Duration connectTimeout) {
    // HTTP/1.1: the admin API is plain HTTP/1.1; no h2c upgrade attempt on every poll
    return new NodeAdminClient(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build());
  }

  /**
   * The node's status.
   *
   * @param baseUri e.g. {@code http://10.0.0.5:8080}
   * @param token the admin token, sent as {@code Authorization: Bearer}
   * @param timeout the whole call's deadline
   * @throws IOException when the node cannot be reached, times out or answers other than 200
   */
  public NodeStatus status(URI baseUri, String token, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(baseUri.resolve(NodeEnvironment.PATH_STATUS))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + NodeEnvironment.PATH_STATUS + " answered HTTP " + response.statusCode());
    }
    return JSON.readValue(response.body(), NodeStatus.class);
  }

  /** Parses a {@code /status} document. */
  public static NodeStatus parse(byte[] json) throws IOException {
    return JSON.readValue(json, NodeStatus.class);
  }
}
