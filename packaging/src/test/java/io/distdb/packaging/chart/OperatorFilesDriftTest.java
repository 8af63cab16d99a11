package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.distdb.packaging.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chart's copies of the operator's generated CRD and permission list are current (bin/
 * render-deploy refreshes them). Each check is skipped while the operator does not produce the file
 * yet.
 */
class OperatorFilesDriftTest {

  private static Path operatorFile(String relative, String what) {
    Path file = RepoFiles.resolve(relative);
    assumeTrue(
        Files.exists(file),
        relative + " does not exist (" + what + "): nothing to compare the chart's copy with");
    return file;
  }

  @Test
  void chartRendersTheOperatorsGeneratedCrdKeptOnUninstall() {
    Path generated = operatorFile(RepoFiles.GENERATED_CRD, "build the operator module first");
    ObjectNode expected = (ObjectNode) Manifests.read(generated).all().get(0).deepCopy();
    ((ObjectNode) expected.path("metadata"))
        .putObject("annotations")
        .put("helm.sh/resource-policy", "keep");

    JsonNode rendered =
        Chart.defaults().render().one("CustomResourceDefinition", "distributeddatabases.distdb.io");

    assertThat(rendered)
        .as("helm/distdb/templates/crd.yaml is stale: run bin/render-deploy")
        .isEqualTo(expected);
    assertThat(
            Chart.defaults().set("crds.create", false).render().ofKind("CustomResourceDefinition"))
        .isEmpty();
  }

  @Test
  void chartCarriesTheOperatorsPermissionListIncludingLeaderElection() {
    Path source = operatorFile(RepoFiles.OPERATOR_PERMISSIONS, "the operator module has none yet");
    Path copy = RepoFiles.chart().resolve("files/operator-permissions.yaml");

    assertThat(copy).as("run bin/render-deploy").exists();
    assertThat(Manifests.readTree(copy))
        .as("helm/distdb/files/operator-permissions.yaml is stale: run bin/render-deploy")
        .isEqualTo(Manifests.readTree(source));
    assertThat(Manifests.readTree(source).toString())
        .as("leader election needs coordination.k8s.io leases")
        .contains("coordination.k8s.io")
        .contains("leases");
  }
}
