package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** values.schema.json rejects a bad values file before anything is rendered. */
class ChartValuesSchemaTest {

  @TempDir Path dir;

  private Path valuesFile(String yaml) throws IOException {
    Path file = dir.resolve("values.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void wrongTypesAndUnknownEnumValuesAreRejectedNamingTheKeys() throws IOException {
    Path bad =
        valuesFile("replicas: two\nrbac:\n  scope: everywhere\nimage:\n  pullPolicy: Sometimes\n");

    assertThatThrownBy(() -> Chart.defaults().values(bad).renderYaml())
        .hasMessageContaining("schema")
        .hasMessageContaining("replicas")
        .hasMessageContaining("scope")
        .hasMessageContaining("pullPolicy");
  }

  @Test
  void aMisspeltKeyIsRejected() throws IOException {
    Path bad = valuesFile("networkPolicy:\n  crate: true\n");

    assertThatThrownBy(() -> Chart.defaults().values(bad).renderYaml())
        .hasMessageContaining("schema")
        .hasMessageContaining("crate");
  }

  @Test
  void aRootSecurityContextIsRejected() throws IOException {
    Path bad = valuesFile("podSecurityContext:\n  runAsNonRoot: false\n  runAsUser: 0\n");

    assertThatThrownBy(() -> Chart.defaults().values(bad).renderYaml())
        .hasMessageContaining("runAsNonRoot");
  }

  @Test
  void aCompleteValidFileIsAccepted() throws IOException {
    Path good =
        valuesFile(
            "replicas: 2\nrbac: {create: true, scope: namespace}\nwatchNamespaces: [shop]\n"
                + "resources: {requests: {cpu: 200m, memory: 300Mi}, limits: {memory: 600Mi}}\n"
                + "monitoring: {podMonitor: {enabled: true, interval: 15s}}\n");

    Manifests m = Chart.defaults().values(good).render();

    assertThat(m.ofKind("Role")).hasSize(2);
    assertThat(m.ofKind("PodMonitor")).hasSize(1);
  }
}
