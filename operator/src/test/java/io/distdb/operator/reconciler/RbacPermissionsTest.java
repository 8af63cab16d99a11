package io.distdb.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The permissions file parses and the matching that every mock-server test applies when it closes
 * ({@link MockCluster#close}) can fail. Leader election's Lease rule is in the file (it is not
 * exercised against the mock, which cannot run leader election).
 */
class RbacPermissionsTest {

  @Test
  void requestsMapToVerbGroupAndResource() {
    assertThat(RecordedRequest.of("GET", "/api/v1/namespaces/t/pods?labelSelector=a%3Db"))
        .extracting(RecordedRequest::verb, RecordedRequest::group, RecordedRequest::resource)
        .containsExactly("list", "", "pods");
    assertThat(RecordedRequest.of("GET", "/api/v1/namespaces/t/pods?watch=true"))
        .extracting(RecordedRequest::verb)
        .isEqualTo("watch");
    assertThat(
            RecordedRequest.of(
                "PUT", "/apis/distdb.io/v1alpha1/namespaces/t/distributeddatabases/x/status"))
        .extracting(RecordedRequest::verb, RecordedRequest::group, RecordedRequest::resource)
        .containsExactly("update", "distdb.io", "distributeddatabases/status");
    assertThat(RecordedRequest.of("DELETE", "/apis/apps/v1/namespaces/t/statefulsets/x"))
        .extracting(RecordedRequest::verb, RecordedRequest::group)
        .containsExactly("delete", "apps");
  }

  @Test
  void grantsWhatTheOperatorUsesAndNothingElse() {
    var rules = RbacAssertions.rules();
    assertThat(
            RbacAssertions.granted(rules, RecordedRequest.of("POST", "/api/v1/namespaces/t/pods")))
        .isTrue();
    assertThat(
            RbacAssertions.granted(
                rules,
                RecordedRequest.of("POST", "/apis/coordination.k8s.io/v1/namespaces/t/leases")))
        .isTrue();
    assertThat(
            RbacAssertions.granted(
                rules, RecordedRequest.of("DELETE", "/api/v1/namespaces/t/secrets/x")))
        .as("secrets are never deleted")
        .isFalse();
    assertThat(
            RbacAssertions.granted(
                rules, RecordedRequest.of("GET", "/api/v1/namespaces/t/secrets")))
        .as("secrets are never listed")
        .isFalse();
    assertThat(List.of(RecordedRequest.of("DELETE", "/api/v1/namespaces/t/secrets/x")))
        .noneMatch(r -> RbacAssertions.granted(rules, r));
  }
}
