package io.distdb.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A replicated distdb database: one master and {@code spec.slaves} slaves, each a db-node pod with
 * its own volume. The CRD is generated from this class at build time; the printer columns are what
 * {@code kubectl get ddb} shows.
 */
@Group(DistributedDatabase.GROUP)
@Version(DistributedDatabase.VERSION)
@Plural(DistributedDatabase.PLURAL)
@ShortNames("ddb")
@AdditionalPrinterColumn(name = "PHASE", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "MASTER", jsonPath = ".status.currentMaster")
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.readyText")
@AdditionalPrinterColumn(
    name = "MAX LAG",
    jsonPath = ".status.maxLag",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "AGE",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class DistributedDatabase
    extends CustomResource<DistributedDatabaseSpec, DistributedDatabaseStatus>
    implements Namespaced {

  public static final String GROUP = "distdb.io";

  /**
   * The order of {@code kubectl get ddb}'s columns after NAME; {@link PrinterColumnOrder} puts the
   * generated CRD's columns in it.
   */
  public static final java.util.List<String> PRINTER_COLUMNS =
      java.util.List.of("PHASE", "MASTER", "READY", "MAX LAG", "AGE");

  public static final String VERSION = "v1alpha1";
  public static final String PLURAL = "distributeddatabases";
  public static final String KIND = "DistributedDatabase";
}
