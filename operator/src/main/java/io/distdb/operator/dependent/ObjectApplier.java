package io.distdb.operator.dependent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Objects;

/**
 * Creates an object that is missing and patches one whose fields differ from the desired ones; an
 * object that already matches is left alone, so a quiet cluster sees no writes. Patches are JSON
 * merge patches of the desired object: fields the API server owns (a Service's clusterIP, defaults)
 * survive.
 */
public final class ObjectApplier {

  /** What {@link #apply} did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private final KubernetesClient client;

  public ObjectApplier(KubernetesClient client) {
    this.client = client;
  }

  /** Makes {@code desired} exist as given. */
  public <T extends HasMetadata> Outcome apply(T desired) {
    return apply(desired, false);
  }

  /**
   * Like {@link #apply(HasMetadata)} for an object whose whole {@code spec} the operator owns (a
   * PodDisruptionBudget): a field the desired spec leaves out is removed, so switching from
   * maxUnavailable to minAvailable does not leave both set.
   */
  public <T extends HasMetadata> Outcome applyWholeSpec(T desired) {
    return apply(desired, true);
  }

  private <T extends HasMetadata> Outcome apply(T desired, boolean wholeSpec) {
    T actual = client.resource(desired).get();
    if (actual == null) {
      client.resource(desired).create();
      return Outcome.CREATED;
    }
    return write(actual, desired, wholeSpec) ? Outcome.UPDATED : Outcome.UNCHANGED;
  }

  /** Updates {@code actual} to {@code desired} unless it already matches; true if it wrote. */
  public <T extends HasMetadata> boolean patchIfDifferent(T actual, T desired) {
    return write(actual, desired, false);
  }

  private <T extends HasMetadata> boolean write(T actual, T desired, boolean wholeSpec) {
    JsonNode want = comparable(desired);
    ObjectNode have = JSON.valueToTree(actual);
    boolean same =
        JsonSubset.contains(have, want)
            && (!wholeSpec || Objects.equals(have.get("spec"), want.get("spec")));
    if (same) {
      return false;
    }
    ObjectNode merged = have.deepCopy();
    if (wholeSpec) {
      merged.remove("spec");
    }
    merge(merged, want);
    @SuppressWarnings("unchecked")
    T update = (T) JSON.convertValue(merged, actual.getClass());
    client.resource(update).update();
    return true;
  }

  /** Creates {@code desired} only if nothing of its name exists; never changes an existing one. */
  public <T extends HasMetadata> boolean createIfAbsent(T desired) {
    if (client.resource(desired).get() != null) {
      return false;
    }
    client.resource(desired).create();
    return true;
  }

  /**
   * Writes {@code desired} over {@code target} the way a JSON merge patch would: objects field by
   * field, lists and values replaced. Fields the API server set and the operator does not (a
   * Service's clusterIP, defaults) stay as they are; the resourceVersion stays, so a concurrent
   * change makes the update fail with 409 and the reconcile retry on fresh data.
   */
  static void merge(ObjectNode target, JsonNode desired) {
    desired
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode old = target.get(field.getKey());
              if (old instanceof ObjectNode o && field.getValue().isObject()) {
                merge(o, field.getValue());
              } else {
                target.set(field.getKey(), field.getValue());
              }
            });
  }

  private static JsonNode comparable(HasMetadata desired) {
    ObjectNode tree = JSON.valueToTree(desired);
    // apiVersion/kind are spelled by the client; status is never the operator's to set here.
    tree.remove("status");
    return tree;
  }
}
