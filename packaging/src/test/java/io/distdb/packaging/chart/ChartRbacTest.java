package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.distdb.packaging.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operator's role grants exactly the chart's copy of the operator's permission list, in both
 * scopes ({@link OperatorFilesDriftTest} checks the copy against the operator's own file).
 */
class ChartRbacTest {

  private static JsonNode chartPermissions() {
    Path copy = RepoFiles.chart().resolve("files/operator-permissions.yaml");
    return Files.exists(copy)
        ? Manifests.readTree(copy)
        : Manifests.rules(Manifests.parse("kind: none").all().get(0));
  }

  @Test
  void clusterScopeBindsOneClusterRoleWithExactlyTheOperatorsRules() {
    Manifests m = Chart.defaults().render();

    assertThat(m.ofKind("Role")).isEmpty();
    assertThat(m.ofKind("RoleBinding")).isEmpty();
    JsonNode role = m.one("ClusterRole", Chart.OPERATOR);
    assertThat(Manifests.rules(role)).isEqualTo(chartPermissions());
    JsonNode binding = m.one("ClusterRoleBinding", Chart.OPERATOR);
    assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
    assertThat(binding.at("/roleRef/name").asText()).isEqualTo(Chart.OPERATOR);
    assertBindsTheOperatorsServiceAccount(binding);
    assertThat(m.one("ServiceAccount", Chart.OPERATOR).at("/metadata/namespace").asText())
        .isEqualTo(Chart.NAMESPACE);
  }

  @Test
  void namespaceScopeGrantsNothingClusterWide() {
    Manifests m =
        Chart.defaults()
            .set("rbac.scope", "namespace")
            .list("watchNamespaces", "shop", "billing")
            .render();

    assertThat(m.ofKind("ClusterRole")).isEmpty();
    assertThat(m.ofKind("ClusterRoleBinding")).isEmpty();
    // The watched namespaces, plus the operator's own for its leader-election Lease.
    assertThat(namespaces(m.ofKind("Role")))
        .containsExactlyInAnyOrder("shop", "billing", Chart.NAMESPACE);
    for (JsonNode role : m.ofKind("Role")) {
      assertThat(Manifests.rules(role)).isEqualTo(chartPermissions());
    }
    assertThat(namespaces(m.ofKind("RoleBinding")))
        .containsExactlyInAnyOrder("shop", "billing", Chart.NAMESPACE);
    for (JsonNode binding : m.ofKind("RoleBinding")) {
      assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
      assertBindsTheOperatorsServiceAccount(binding);
    }
  }

  @Test
  void namespaceScopeWithoutWatchedNamespacesWatchesTheReleaseNamespaceOnly() {
    Manifests m = Chart.defaults().set("rbac.scope", "namespace").render();

    assertThat(namespaces(m.ofKind("Role"))).containsExactly(Chart.NAMESPACE);
    assertThat(ChartDeploymentTest.env(m, "DISTDB_OPERATOR_WATCH_NAMESPACES"))
        .isEqualTo(Chart.NAMESPACE);
  }

  @Test
  void rbacCanBeLeftToTheClusterAdmin() {
    Manifests m = Chart.defaults().set("rbac.create", false).render();

    assertThat(m.ofKind("ClusterRole")).isEmpty();
    assertThat(m.ofKind("Role")).isEmpty();
  }

  private static void assertBindsTheOperatorsServiceAccount(JsonNode binding) {
    JsonNode subjects = binding.path("subjects");
    assertThat(subjects).hasSize(1);
    assertThat(subjects.get(0).path("kind").asText()).isEqualTo("ServiceAccount");
    assertThat(subjects.get(0).path("name").asText()).isEqualTo(Chart.OPERATOR);
    assertThat(subjects.get(0).path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
  }

  private static List<String> namespaces(List<JsonNode> objects) {
    return objects.stream()
        .map(o -> o.at("/metadata/namespace").asText())
        .collect(Collectors.toList());
  }
}
