package io.distdb.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.util.List;

/**
 * Checks recorded requests against the operator's permissions file (the one the chart renders its
 * ClusterRole or Role from).
 */
final class RbacAssertions {

  static final String PERMISSIONS = "/io/distdb/operator/rbac/operator-permissions.yaml";

  private RbacAssertions() {}

  static List<PolicyRule> rules() {
    InputStream in = RbacAssertions.class.getResourceAsStream(PERMISSIONS);
    assertThat(in).as(PERMISSIONS).isNotNull();
    return new KubernetesSerialization().unmarshal(in, new TypeReference<List<PolicyRule>>() {});
  }

  static boolean granted(List<PolicyRule> rules, RecordedRequest r) {
    return rules.stream()
        .anyMatch(
            rule ->
                rule.getApiGroups().contains(r.group())
                    && rule.getResources().contains(r.resource())
                    && rule.getVerbs().contains(r.verb()));
  }

  /** Every request is granted by the permissions file. */
  static void assertGranted(List<RecordedRequest> requests) {
    List<PolicyRule> rules = rules();
    assertThat(requests)
        .as("requests the permissions file does not grant")
        .allSatisfy(r -> assertThat(granted(rules, r)).as(r.toString()).isTrue());
  }
}
