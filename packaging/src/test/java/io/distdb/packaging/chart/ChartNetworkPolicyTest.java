package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who may reach the database pods on which port, and where the policies are rendered. */
class ChartNetworkPolicyTest {

  private static final String DB_SELECTOR =
      "{\"matchLabels\":{\"app.kubernetes.io/name\":\"distdb\","
          + "\"app.kubernetes.io/component\":\"database\"}}";

  private static JsonNode onlyIngressRule(JsonNode policy, int port) {
    assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\"]");
    JsonNode ingress = policy.at("/spec/ingress");
    assertThat(ingress).hasSize(1);
    assertThat(ingress.at("/0/ports").toString())
        .isEqualTo("[{\"protocol\":\"TCP\",\"port\":" + port + "}]");
    return ingress.get(0);
  }

  @Test
  void clientsReachPostgresOnlyOn5432FromAnywhereByDefault() {
    JsonNode policy = Chart.defaults().render().one("NetworkPolicy", "distdb-db-clients");

    assertThat(policy.at("/spec/podSelector").toString()).isEqualTo(DB_SELECTOR);
    assertThat(onlyIngressRule(policy, 5432).has("from")).isFalse();
  }

  @Test
  void clientsCanBeRestricted() {
    JsonNode policy =
        Chart.defaults()
            .set("networkPolicy.clients[0].podSelector.matchLabels.role", "shop-backend")
            .render()
            .one("NetworkPolicy", "distdb-db-clients");

    assertThat(onlyIngressRule(policy, 5432).path("from").toString())
        .isEqualTo("[{\"podSelector\":{\"matchLabels\":{\"role\":\"shop-backend\"}}}]");
  }

  @Test
  void onlyTheOperatorReachesTheAdminPort() {
    JsonNode policy = Chart.defaults().render().one("NetworkPolicy", "distdb-db-admin");

    assertThat(policy.at("/spec/podSelector").toString()).isEqualTo(DB_SELECTOR);
    JsonNode from = onlyIngressRule(policy, 8080).path("from");
    assertThat(from).hasSize(1);
    assertThat(from.at("/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
        .isEqualTo(Chart.NAMESPACE);
    assertThat(from.at("/0/podSelector/matchLabels").toString())
        .isEqualTo(
            "{\"app.kubernetes.io/name\":\"distdb-operator\",\"app.kubernetes.io/instance\":\"distdb\"}");
  }

  @Test
  void replicationFlowsOnlyBetweenDatabasePods() {
    JsonNode policy = Chart.defaults().render().one("NetworkPolicy", "distdb-db-replication");

    assertThat(policy.at("/spec/podSelector").toString()).isEqualTo(DB_SELECTOR);
    JsonNode from = onlyIngressRule(policy, 7432).path("from");
    assertThat(from.toString()).isEqualTo("[{\"podSelector\":" + DB_SELECTOR + "}]");
  }

  @Test
  void theOperatorPodAcceptsOnlyItsProbePort() {
    JsonNode policy = Chart.defaults().render().one("NetworkPolicy", Chart.OPERATOR);

    assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText())
        .isEqualTo("distdb-operator");
    assertThat(onlyIngressRule(policy, 8081).has("from")).isFalse();
  }

  @Test
  void databasePoliciesFollowTheWatchedNamespaces() {
    Manifests m = Chart.defaults().list("watchNamespaces", "shop", "billing").render();

    List<String> places =
        m.ofKind("NetworkPolicy").stream()
            .map(p -> p.at("/metadata/namespace").asText() + "/" + p.at("/metadata/name").asText())
            .collect(Collectors.toList());
    assertThat(places)
        .containsExactlyInAnyOrder(
            Chart.NAMESPACE + "/" + Chart.OPERATOR,
            "shop/distdb-db-clients",
            "shop/distdb-db-admin",
            "shop/distdb-db-replication",
            "billing/distdb-db-clients",
            "billing/distdb-db-admin",
            "billing/distdb-db-replication");
  }

  @Test
  void policiesCanBeTurnedOff() {
    assertThat(Chart.defaults().set("networkPolicy.create", false).render().ofKind("NetworkPolicy"))
        .isEmpty();
  }
}
