package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The operator Deployment: locked-down security, leader election, configuration by env. */
class ChartDeploymentTest {

  static JsonNode container(Manifests m) {
    JsonNode containers = m.one("Deployment", Chart.OPERATOR).at("/spec/template/spec/containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  static String env(Manifests m, String name) {
    for (JsonNode e : container(m).path("env")) {
      if (name.equals(e.path("name").asText())) {
        return e.path("value").asText();
      }
    }
    throw new AssertionError("no env " + name + " in the operator container");
  }

  @Test
  void operatorRunsAsNumericNonRootOnAReadOnlyRootWithNoCapabilities() {
    Manifests m = Chart.defaults().render();
    JsonNode pod = m.one("Deployment", Chart.OPERATOR).at("/spec/template/spec");
    JsonNode podSecurity = pod.path("securityContext");
    JsonNode security = container(m).path("securityContext");

    assertThat(podSecurity.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(podSecurity.path("runAsUser").asInt()).isEqualTo(10001);
    assertThat(podSecurity.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(security.has("privileged")).isFalse();
    assertThat(container(m).path("volumeMounts").toString()).contains("\"mountPath\":\"/tmp\"");
    assertThat(pod.path("volumes").toString()).contains("\"emptyDir\"");
  }

  @Test
  void oneReplicaRunsWithoutLeaderElectionAndIsNeverDoubled() {
    Manifests m = Chart.defaults().render();
    JsonNode spec = m.one("Deployment", Chart.OPERATOR).path("spec");

    assertThat(spec.path("replicas").asInt()).isEqualTo(1);
    assertThat(spec.at("/strategy/type").asText()).isEqualTo("Recreate");
    assertThat(env(m, "DISTDB_OPERATOR_LEADER_ELECTION")).isEqualTo("false");
  }

  @Test
  void severalReplicasElectALeader() {
    Manifests m = Chart.defaults().set("replicas", 3).render();

    assertThat(m.one("Deployment", Chart.OPERATOR).at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(env(m, "DISTDB_OPERATOR_LEADER_ELECTION")).isEqualTo("true");
  }

  @Test
  void imagesDefaultToTheChartsAppVersionAndConfigurationIsPassedAsEnvironment() {
    Manifests m =
        Chart.defaults()
            .list("watchNamespaces", "shop", "billing")
            .set("healthPort", 9090)
            .render();
    JsonNode c = container(m);

    assertThat(c.path("image").asText()).isEqualTo("distdb/operator:0.2.0");
    assertThat(c.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
    assertThat(env(m, "DISTDB_OPERATOR_DB_NODE_IMAGE")).isEqualTo("distdb/db-node:0.2.0");
    assertThat(env(m, "DISTDB_OPERATOR_WATCH_NAMESPACES")).isEqualTo("shop,billing");
    assertThat(env(m, "DISTDB_OPERATOR_HEALTH_PORT")).isEqualTo("9090");
    assertThat(env(m, "DISTDB_OPERATOR_SSA")).isEqualTo("true");
    assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(9090);
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
  }

  @Test
  void schedulingValuesReachThePod() {
    Manifests m =
        Chart.defaults()
            .set("nodeSelector.disk", "ssd")
            .set("tolerations[0].key", "dedicated")
            .set("tolerations[0].operator", "Exists")
            .set("image.tag", "0.2.1")
            .set("image.pullPolicy", "Always")
            .set("resources.limits.memory", "1Gi")
            .render();
    JsonNode pod = m.one("Deployment", Chart.OPERATOR).at("/spec/template/spec");

    assertThat(pod.at("/nodeSelector/disk").asText()).isEqualTo("ssd");
    assertThat(pod.at("/tolerations/0/key").asText()).isEqualTo("dedicated");
    assertThat(container(m).path("image").asText()).isEqualTo("distdb/operator:0.2.1");
    assertThat(container(m).path("imagePullPolicy").asText()).isEqualTo("Always");
    assertThat(container(m).at("/resources/limits/memory").asText()).isEqualTo("1Gi");
  }
}
