package io.distdb.operator.reconciler;

import static io.distdb.operator.reconciler.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.operator.status.EventRecorder;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The same event twice is one Event with count 2 and a later lastTimestamp. */
class EventRecorderTest extends MockClusterTest {

  @Test
  void repeatedEventIsCountedNotDuplicated() {
    var about =
        cluster
            .client
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("about")
                    .withNamespace(NAMESPACE)
                    .withUid("uid-1")
                    .endMetadata()
                    .build())
            .create();
    Instant t0 = Instant.parse("2026-12-02T00:00:00Z");
    new EventRecorder(cluster.operatorClient, Clock.fixed(t0, ZoneOffset.UTC))
        .warning(about, "Rescheduled", "slave x replaced because NodeLost");
    new EventRecorder(cluster.operatorClient, Clock.fixed(t0.plusSeconds(5), ZoneOffset.UTC))
        .warning(about, "Rescheduled", "slave x replaced because NodeLost");
    new EventRecorder(cluster.operatorClient, Clock.fixed(t0, ZoneOffset.UTC))
        .normal(about, "Created", "something else");
    var events =
        cluster.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
            .filter(e -> "about".equals(e.getInvolvedObject().getName()))
            .toList();
    assertThat(events).hasSize(2);
    var rescheduled =
        events.stream().filter(e -> e.getReason().equals("Rescheduled")).findFirst().orElseThrow();
    assertThat(rescheduled.getCount()).isEqualTo(2);
    assertThat(rescheduled.getType()).isEqualTo("Warning");
    assertThat(rescheduled.getFirstTimestamp()).isEqualTo("2026-12-02T00:00:00Z");
    assertThat(rescheduled.getLastTimestamp()).isEqualTo("2026-12-02T00:00:05Z");
  }
}
