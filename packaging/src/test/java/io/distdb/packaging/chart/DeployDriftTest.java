package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.packaging.RepoFiles;
import org.junit.jupiter.api.Test;

/** deploy/ is the chart rendered with its defaults: regenerate it with bin/render-deploy. */
class DeployDriftTest {

  @Test
  void plainManifestsEqualTheChartsRendering() {
    Manifests deployed = Manifests.read(RepoFiles.resolve("deploy/distdb-operator.yaml"));
    Manifests rendered = Chart.defaults().set("createNamespace", true).render();

    assertThat(deployed.ids()).as("objects in deploy/").isEqualTo(rendered.ids());
    assertThat(deployed.all())
        .as("deploy/distdb-operator.yaml differs from the chart: run bin/render-deploy")
        .isEqualTo(rendered.all());
    assertThat(deployed.one("Namespace", Chart.NAMESPACE)).isNotNull();
  }
}
