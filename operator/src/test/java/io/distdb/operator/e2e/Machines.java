package io.distdb.operator.e2e;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster's machines and their Kubernetes Node objects, whose Ready condition the node
 * controller would set. A machine is {@link State#UP}, {@link State#DOWN} (powered off: its
 * containers are gone) or {@link State#PARTITIONED} (its kubelet cannot reach the API server, its
 * containers keep running); either way its Node turns NotReady.
 */
final class Machines {

  enum State {
    UP,
    DOWN,
    PARTITIONED
  }

  private final KubernetesClient client;
  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final List<String> names = new ArrayList<>();

  Machines(KubernetesClient client, int count) {
    this.client = client;
    for (int i = 0; i < count; i++) {
      String name = "machine-" + i;
      names.add(name);
      states.put(name, State.UP);
      client.resource(node(name, true)).create();
      client.resource(node(name, true)).updateStatus(); // a create may drop the status
    }
  }

  List<String> names() {
    return List.copyOf(names);
  }

  State state(String machine) {
    return states.getOrDefault(machine, State.DOWN);
  }

  /** Sets the machine's state and its Node's Ready condition (moved now if it changed). */
  void set(String machine, State state) {
    State old = states.put(machine, state);
    if ((old == State.UP) != (state == State.UP)) {
      client.resource(node(machine, state == State.UP)).updateStatus();
    }
  }

  private Node node(String name, boolean ready) {
    Node existing = client.nodes().withName(name).get();
    Node node =
        existing != null
            ? existing
            : new NodeBuilder().withNewMetadata().withName(name).endMetadata().build();
    node.setStatus(
        new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
            .withConditions(
                new NodeConditionBuilder()
                    .withType("Ready")
                    .withStatus(ready ? "True" : "Unknown")
                    .withReason(ready ? "KubeletReady" : "NodeStatusUnknown")
                    .withLastTransitionTime(Instant.now().toString())
                    .build())
            .build());
    return node;
  }
}
