package io.distdb.operator.status;

import io.distdb.operator.naming.ShortHash;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of Kubernetes Events (core/v1), de-duplicated like client-go's recorder: the same
 * object, type, reason and message is one Event whose {@code count} and {@code lastTimestamp} grow,
 * not a new Event each time. The Event's name is derived from those four, so the operator finds its
 * Event again after a restart. Failing to write an Event never fails a reconcile.
 */
public final class EventRecorder {

  /** Who reports the Events. */
  public static final String COMPONENT = "distdb-operator";

  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Records a Normal event about {@code object}. */
  public void normal(HasMetadata object, String reason, String message) {
    record(object, NORMAL, reason, message);
  }

  /** Records a Warning event about {@code object}. */
  public void warning(HasMetadata object, String reason, String message) {
    record(object, WARNING, reason, message);
  }

  private void record(HasMetadata object, String type, String reason, String message) {
    String namespace = object.getMetadata().getNamespace();
    String name = eventName(object, type, reason, message);
    String now = clock.instant().toString();
    try {
      Event existing = client.v1().events().inNamespace(namespace).withName(name).get();
      if (existing != null) {
        int count = existing.getCount() == null ? 1 : existing.getCount();
        client
            .v1()
            .events()
            .inNamespace(namespace)
            .withName(name)
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                io.fabric8.kubernetes.client.utils.Serialization.asJson(
                    Map.of("count", count + 1, "lastTimestamp", now)));
        return;
      }
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(event(object, name, type, reason, message, now))
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        LOG.debug("event {} was created concurrently", name);
      } else {
        LOG.warn("could not record event {} {}: {}", reason, name, e.getMessage());
      }
    }
  }

  private static Event event(
      HasMetadata object, String name, String type, String reason, String message, String now) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(object.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(object.getApiVersion())
        .withKind(object.getKind())
        .withName(object.getMetadata().getName())
        .withNamespace(object.getMetadata().getNamespace())
        .withUid(object.getMetadata().getUid())
        .endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withEventTime(new MicroTime(now))
        .withReportingComponent(COMPONENT)
        .withReportingInstance(COMPONENT)
        .withAction(reason)
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .build();
  }

  /** {@code <object name>.<hash of uid, type, reason, message>}. */
  static String eventName(HasMetadata object, String type, String reason, String message) {
    String key = object.getMetadata().getUid() + "|" + type + "|" + reason + "|" + message;
    return object.getMetadata().getName() + "." + ShortHash.of(key);
  }
}
