package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.distdb.packaging.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/examples/: DistributedDatabases a user can apply as they are. */
class ExamplesTest {

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(RepoFiles.resolve("deploy/examples"))) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static JsonNode example(String file) {
    return Manifests.read(RepoFiles.resolve("deploy/examples/" + file)).all().get(0);
  }

  @Test
  void everyExampleIsOneDistributedDatabase() throws IOException {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(2);
    for (Path file : examples()) {
      List<JsonNode> objects = Manifests.read(file).all();
      assertThat(objects).as(file.toString()).hasSize(1);
      assertThat(objects.get(0).path("apiVersion").asText()).isEqualTo("distdb.io/v1alpha1");
      assertThat(objects.get(0).path("kind").asText()).isEqualTo("DistributedDatabase");
    }
  }

  @Test
  void productionExampleReplicatesSynchronouslyToThreeSlavesWithFixedResources() {
    JsonNode spec = example("production.yaml").path("spec");

    assertThat(spec.path("slaves").asInt()).isEqualTo(3);
    assertThat(spec.at("/replication/mode").asText()).isEqualTo("sync");
    assertThat(spec.at("/replication/minSyncAcks").asInt()).isBetween(1, 3);
    assertThat(spec.at("/resources/requests/memory").asText())
        .isEqualTo(spec.at("/resources/limits/memory").asText());
  }

  /** Every field an example sets exists in the operator's generated CRD schema. */
  @Test
  void examplesUseOnlyFieldsTheCrdDefines() throws IOException {
    Path crd = RepoFiles.resolve(RepoFiles.GENERATED_CRD);
    assumeTrue(
        Files.exists(crd),
        RepoFiles.GENERATED_CRD + " does not exist (build the operator module first)");
    JsonNode schema =
        Manifests.read(crd).all().get(0).at("/spec/versions/0/schema/openAPIV3Schema");
    for (Path file : examples()) {
      JsonNode cr = Manifests.read(file).all().get(0);
      assertKnown(cr.path("spec"), schema.at("/properties/spec"), file.getFileName() + ": spec");
    }
  }

  private static void assertKnown(JsonNode value, JsonNode schema, String path) {
    if (!value.isObject()
        || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()
        || schema.has("additionalProperties")) {
      return;
    }
    JsonNode properties = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path + "." + field.getKey();
      assertThat(properties.has(field.getKey())).as(fieldPath + " is not in the CRD").isTrue();
      JsonNode fieldSchema = properties.path(field.getKey());
      if (fieldSchema.has("enum")) {
        assertThat(fieldSchema.path("enum").toString())
            .as(fieldPath)
            .contains("\"" + field.getValue().asText() + "\"");
      }
      assertKnown(field.getValue(), fieldSchema, fieldPath);
    }
  }
}
