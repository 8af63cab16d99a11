package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.distdb.packaging.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operator's roles grant exactly the chart's copy of the operator's permission list, in both
 * scopes ({@link OperatorFilesDriftTest} checks the copy against the operator's own file): no verb
 * missing, none extra. Namespace scope splits the list into Roles (namespaced resources) and one
 * small ClusterRole (cluster-scoped resources such as nodes, which a Role cannot grant), so the
 * comparison there is on the set of (group, resource, verb) grants.
 */
class ChartRbacTest {

  /** Resources a Role cannot grant (the API server has no namespaced object of these kinds). */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "nodes",
          "namespaces",
          "persistentvolumes",
          "storageclasses",
          "customresourcedefinitions",
          "clusterroles",
          "clusterrolebindings");

  private static final String CLUSTER_SCOPED_ROLE = Chart.OPERATOR + "-cluster-scoped";

  /** One (API group, resource, verb) a rule grants. */
  record Grant(String group, String resource, String verb) implements Comparable<Grant> {
    boolean clusterScoped() {
      return CLUSTER_SCOPED.contains(resource.split("/", 2)[0]);
    }

    @Override
    public int compareTo(Grant o) {
      return toString().compareTo(o.toString());
    }
  }

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
    assertThat(m.ofKind("ClusterRole")).hasSize(1);
    JsonNode role = m.one("ClusterRole", Chart.OPERATOR);
    assertThat(Manifests.rules(role)).isEqualTo(chartPermissions());
    JsonNode binding = m.one("ClusterRoleBinding", Chart.OPERATOR);
    assertBinds(binding, "ClusterRole", Chart.OPERATOR);
    assertThat(m.one("ServiceAccount", Chart.OPERATOR).at("/metadata/namespace").asText())
        .isEqualTo(Chart.NAMESPACE);
  }

  @Test
  void namespaceScopeGrantsTheNamespacedRulesPerNamespaceAndOnlyClusterScopedOnesClusterWide() {
    Manifests m =
        Chart.defaults()
            .set("rbac.scope", "namespace")
            .list("watchNamespaces", "shop", "billing")
            .render();
    Set<Grant> expected = grants(chartPermissions());

    // The watched namespaces, plus the operator's own for its leader-election Lease.
    assertThat(namespaces(m.ofKind("Role")))
        .containsExactlyInAnyOrder("shop", "billing", Chart.NAMESPACE);
    for (JsonNode role : m.ofKind("Role")) {
      assertThat(grants(Manifests.rules(role)))
          .as("Role in %s", role.at("/metadata/namespace").asText())
          .isEqualTo(ofScope(expected, false));
    }
    assertThat(namespaces(m.ofKind("RoleBinding")))
        .containsExactlyInAnyOrder("shop", "billing", Chart.NAMESPACE);
    for (JsonNode binding : m.ofKind("RoleBinding")) {
      assertBinds(binding, "Role", Chart.OPERATOR);
    }

    Set<Grant> clusterWide = ofScope(expected, true);
    if (clusterWide.isEmpty()) {
      assertThat(m.ofKind("ClusterRole")).isEmpty();
      assertThat(m.ofKind("ClusterRoleBinding")).isEmpty();
    } else {
      assertThat(m.ofKind("ClusterRole")).hasSize(1);
      assertThat(grants(Manifests.rules(m.one("ClusterRole", CLUSTER_SCOPED_ROLE))))
          .isEqualTo(clusterWide);
      assertThat(m.ofKind("ClusterRoleBinding")).hasSize(1);
      assertBinds(
          m.one("ClusterRoleBinding", CLUSTER_SCOPED_ROLE), "ClusterRole", CLUSTER_SCOPED_ROLE);
    }
  }

  @Test
  void theOperatorsListHasTheNodeReadThatNamespaceScopeGrantsClusterWide() {
    // The node-lost witness: if the operator stops needing it, the test above checks nothing
    // cluster-wide, and this one says so.
    assertThat(grants(chartPermissions())).contains(new Grant("", "nodes", "get"));
  }

  @Test
  void namespaceScopeWithoutClusterScopedRulesGrantsNothingClusterWide() {
    Manifests m =
        Chart.defaults()
            .set("rbac.scope", "namespace")
            .set("rbac.clusterScopedRules", false)
            .render();

    assertThat(m.ofKind("ClusterRole")).isEmpty();
    assertThat(m.ofKind("ClusterRoleBinding")).isEmpty();
    JsonNode role = m.ofKind("Role").get(0);
    assertThat(grants(Manifests.rules(role))).isEqualTo(ofScope(grants(chartPermissions()), false));
  }

  @Test
  void clusterScopeWithoutClusterScopedRulesDropsOnlyThose() {
    Manifests m = Chart.defaults().set("rbac.clusterScopedRules", false).render();

    assertThat(grants(Manifests.rules(m.one("ClusterRole", Chart.OPERATOR))))
        .isEqualTo(ofScope(grants(chartPermissions()), false));
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
    for (String scope : List.of("cluster", "namespace")) {
      Manifests m = Chart.defaults().set("rbac.create", false).set("rbac.scope", scope).render();

      assertThat(m.ofKind("ClusterRole")).isEmpty();
      assertThat(m.ofKind("ClusterRoleBinding")).isEmpty();
      assertThat(m.ofKind("Role")).isEmpty();
    }
  }

  /** Every (group, resource, verb) the rules grant. */
  static Set<Grant> grants(JsonNode rules) {
    Set<Grant> grants = new TreeSet<>();
    for (JsonNode rule : rules) {
      for (JsonNode group : rule.path("apiGroups")) {
        for (JsonNode resource : rule.path("resources")) {
          for (JsonNode verb : rule.path("verbs")) {
            grants.add(new Grant(group.asText(), resource.asText(), verb.asText()));
          }
        }
      }
    }
    return grants;
  }

  private static Set<Grant> ofScope(Set<Grant> grants, boolean clusterScoped) {
    return grants.stream()
        .filter(g -> g.clusterScoped() == clusterScoped)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void assertBinds(JsonNode binding, String roleKind, String roleName) {
    assertThat(binding.at("/roleRef/kind").asText()).isEqualTo(roleKind);
    assertThat(binding.at("/roleRef/name").asText()).isEqualTo(roleName);
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
