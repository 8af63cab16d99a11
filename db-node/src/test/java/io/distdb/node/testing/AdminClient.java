package io.distdb.node.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.distdb.adminapi.NodeStatus;
import io.distdb.node.storage.DatabaseChecksum;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Reads a node's admin API over HTTP, as the operator will. */
public final class AdminClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final int port;

  public AdminClient(int port) {
    this.port = port;
  }

  public NodeStatus status() throws IOException, InterruptedException {
    return JSON.readValue(get("/status"), NodeStatus.class);
  }

  public Map<String, DatabaseChecksum.Result> checksums() throws IOException, InterruptedException {
    return JSON.readValue(get("/checksums"), new TypeReference<>() {});
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
