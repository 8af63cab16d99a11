package io.distdb.packaging.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.distdb.packaging.RepoFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distdb chart rendered by the real Helm engine (helm-java embeds Helm's Go library): a builder
 * of {@code --set} values and an optional values file.
 */
final class Chart {

  static final String RELEASE = "distdb";
  static final String NAMESPACE = "distdb-system";
  static final String OPERATOR = "distdb-operator";

  /** Helm's library defaults to Kubernetes 1.20, older than the chart's kubeVersion. */
  static final String KUBE_VERSION = "v1.31.0";

  private final Map<String, Object> sets = new LinkedHashMap<>();
  private Path valuesFile;

  static Chart defaults() {
    return new Chart();
  }

  Chart set(String key, Object value) {
    sets.put(key, value);
    return this;
  }

  /** A list value ({@code --set key={a,b}} arrives as a string through helm-java). */
  Chart list(String key, String... items) {
    for (int i = 0; i < items.length; i++) {
      sets.put(key + "[" + i + "]", items[i]);
    }
    return this;
  }

  Chart values(Path file) {
    this.valuesFile = file;
    return this;
  }

  String renderYaml() {
    TemplateCommand template =
        new Helm(RepoFiles.chart())
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    sets.forEach(template::set);
    if (valuesFile != null) {
      template.withValuesFile(valuesFile);
    }
    return template.call();
  }

  Manifests render() {
    return Manifests.parse(renderYaml());
  }
}
