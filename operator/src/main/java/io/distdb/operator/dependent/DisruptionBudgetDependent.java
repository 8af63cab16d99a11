package io.distdb.operator.dependent;

import io.distdb.operator.naming.Labels;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PodDisruptionBudgets: the master may not be evicted voluntarily (minAvailable 1), and in the
 * modes where commits wait for slaves, at least minSyncAcks slaves stay up so writes go on during a
 * drain; in async mode one slave at a time may go.
 */
public final class DisruptionBudgetDependent {

  private DisruptionBudgetDependent() {}

  /** The budgets to exist; the slave budget only while there are slaves. */
  public static List<PodDisruptionBudget> desired(ResolvedSpec spec) {
    String db = spec.names().database();
    List<PodDisruptionBudget> budgets = new ArrayList<>();
    budgets.add(
        budget(
            spec,
            spec.names().masterDisruptionBudget(),
            Labels.setSelector(db, Labels.MASTER),
            new IntOrString(1),
            null));
    if (spec.slaves() > 0) {
      budgets.add(
          spec.waitsForSlaves()
              ? budget(
                  spec,
                  spec.names().slaveDisruptionBudget(),
                  Labels.setSelector(db, Labels.SLAVE),
                  new IntOrString(spec.minSyncAcks()),
                  null)
              : budget(
                  spec,
                  spec.names().slaveDisruptionBudget(),
                  Labels.setSelector(db, Labels.SLAVE),
                  null,
                  new IntOrString(1)));
    }
    return budgets;
  }

  private static PodDisruptionBudget budget(
      ResolvedSpec spec,
      String name,
      Map<String, String> selector,
      IntOrString minAvailable,
      IntOrString maxUnavailable) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(Owners.metadata(spec, name))
        .withNewSpec()
        .withMinAvailable(minAvailable)
        .withMaxUnavailable(maxUnavailable)
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .endSpec()
        .build();
  }
}
