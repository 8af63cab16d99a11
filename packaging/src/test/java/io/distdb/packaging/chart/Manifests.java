package io.distdb.packaging.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/** Kubernetes objects parsed from a multi-document YAML stream (a rendering, a deploy/ file). */
final class Manifests {

  private static final YAMLMapper YAML = new YAMLMapper();

  private final List<JsonNode> objects;

  private Manifests(List<JsonNode> objects) {
    this.objects = objects;
  }

  static Manifests parse(String yaml) {
    try {
      List<JsonNode> objects = new ArrayList<>();
      ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
      List<JsonNode> docs = mapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
      for (JsonNode doc : docs) {
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
          objects.add(doc);
        }
      }
      return new Manifests(objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Manifests read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One YAML document as a tree (e.g. a list of PolicyRules). */
  static JsonNode readTree(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> all() {
    return objects;
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream()
        .filter(o -> kind.equals(o.path("kind").asText()))
        .collect(Collectors.toList());
  }

  JsonNode one(String kind, String name) {
    return objects.stream()
        .filter(o -> kind.equals(o.path("kind").asText()))
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no " + kind + " " + name + " in " + ids()));
  }

  List<String> ids() {
    return objects.stream()
        .map(
            o ->
                o.path("kind").asText()
                    + " "
                    + o.path("metadata").path("namespace").asText("-")
                    + "/"
                    + o.path("metadata").path("name").asText())
        .collect(Collectors.toList());
  }

  /** The rules of a Role or ClusterRole, as an array ({@code []} when it has none). */
  static JsonNode rules(JsonNode role) {
    JsonNode rules = role.path("rules");
    return rules.isArray() ? rules : new ArrayNode(YAML.getNodeFactory());
  }
}
