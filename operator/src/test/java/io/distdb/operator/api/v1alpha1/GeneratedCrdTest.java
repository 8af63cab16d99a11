package io.distdb.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The CRD the build generated from this package carries what the issue and the chart rely on. */
class GeneratedCrdTest {

  /** Where the contract with the install work says the build writes the CRD. */
  static final String CRD_RESOURCE = "/META-INF/fabric8/distributeddatabases.distdb.io-v1.yml";

  static CustomResourceDefinition load() {
    InputStream in = GeneratedCrdTest.class.getResourceAsStream(CRD_RESOURCE);
    assertThat(in).as("generated CRD on the classpath").isNotNull();
    return Serialization.unmarshal(in, CustomResourceDefinition.class);
  }

  private final CustomResourceDefinition crd = load();
  private final CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
  private final JSONSchemaProps spec =
      version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");

  @Test
  void namesGroupAndScope() {
    assertThat(crd.getMetadata().getName()).isEqualTo("distributeddatabases.distdb.io");
    assertThat(crd.getSpec().getGroup()).isEqualTo("distdb.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("DistributedDatabase");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("distributeddatabases");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("ddb");
    assertThat(version.getName()).isEqualTo("v1alpha1");
  }

  @Test
  void statusAndScaleSubresources() {
    assertThat(version.getSubresources().getStatus()).isNotNull();
    var scale = version.getSubresources().getScale();
    assertThat(scale.getSpecReplicasPath()).isEqualTo(".spec.slaves");
    assertThat(scale.getStatusReplicasPath()).isEqualTo(".status.readySlaves");
    assertThat(scale.getLabelSelectorPath()).isEqualTo(".status.selector");
  }

  @Test
  void printerColumns() {
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(c -> c.getName() + "=" + c.getJsonPath())
        .as("kubectl get ddb: NAME, then these in this order")
        .containsExactly(
            "PHASE=.status.phase",
            "MASTER=.status.currentMaster",
            "READY=.status.readyText",
            "MAX LAG=.status.maxLag",
            "AGE=.metadata.creationTimestamp");
  }

  @Test
  void openApiValidation() {
    var slaves = spec.getProperties().get("slaves");
    assertThat(slaves.getMinimum()).isEqualTo(0.0);
    assertThat(slaves.getMaximum()).isEqualTo(16.0);
    var replication = spec.getProperties().get("replication").getProperties();
    assertThat(replication.get("mode").getEnum())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("\"async\"", "\"sync\"", "\"remote-apply\"");
    assertThat(replication.get("onAckTimeout").getEnum()).hasSize(2);
    assertThat(replication.get("ackTimeout").getPattern()).isEqualTo("^[0-9]+(ms|s|m)$");
    assertThat(spec.getProperties().get("storage").getProperties().get("size").getPattern())
        .isNotBlank();
    assertThat(spec.getRequired()).contains("storage");
    assertThat(spec.getProperties().get("slaves").getDescription()).contains("slave pods");
  }

  @Test
  void celRulesForCrossFieldAndImmutableFields() {
    assertThat(spec.getXKubernetesValidations())
        .extracting(ValidationRule::getRule)
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("self.replication.minSyncAcks <= self.slaves")
                    .contains("async"));
    var storageClass = spec.getProperties().get("storage").getProperties().get("storageClassName");
    assertThat(storageClass.getXKubernetesValidations())
        .extracting(ValidationRule::getRule)
        .containsExactly("self == oldSelf");
  }
}
