package io.distdb.operator.naming;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every label key and value the operator sets, and the selectors built from them. */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String CLUSTER = "distdb.io/cluster";

  /** The role a node was OBSERVED to have; the rw and ro Services select on it. */
  public static final String ROLE = "distdb.io/role";

  /** Which set a pod belongs to (the master StatefulSet or the operator's slave set). */
  public static final String SET = "distdb.io/set";

  /** A slave pod's (and its PVC's) number. */
  public static final String SLAVE_ORDINAL = "distdb.io/slave-ordinal";

  /** Annotation on node pods: hash of the pod spec and settings they were made from. */
  public static final String SPEC_HASH_ANNOTATION = "distdb.io/spec-hash";

  public static final String APP = "distdb";
  public static final String DATABASE_COMPONENT = "database";
  public static final String OPERATOR = "distdb-operator";
  public static final String MASTER = "master";
  public static final String SLAVE = "slave";

  /** Selects everything this operator manages (its informers' filter). */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  private Labels() {}

  /** The labels of every object that belongs to database {@code name}. */
  public static Map<String, String> common(String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, APP);
    labels.put(INSTANCE, name);
    labels.put(COMPONENT, DATABASE_COMPONENT);
    labels.put(MANAGED_BY, OPERATOR);
    labels.put(CLUSTER, name);
    return labels;
  }

  /** Selects every node pod of database {@code name}. */
  public static Map<String, String> nodeSelector(String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(INSTANCE, name);
    labels.put(CLUSTER, name);
    return labels;
  }

  /** Selects the node pods of {@code name} observed in {@code role}. */
  public static Map<String, String> roleSelector(String name, String role) {
    Map<String, String> labels = nodeSelector(name);
    labels.put(ROLE, role);
    return labels;
  }

  /** Selects the pods of one set ({@link #MASTER} or {@link #SLAVE}) of {@code name}. */
  public static Map<String, String> setSelector(String name, String set) {
    Map<String, String> labels = nodeSelector(name);
    labels.put(SET, set);
    return labels;
  }

  /** Labels of a node pod: common, its set, and the role it starts in until one is observed. */
  public static Map<String, String> pod(String name, String set) {
    Map<String, String> labels = common(name);
    labels.put(SET, set);
    labels.put(ROLE, set);
    return labels;
  }

  /** Labels of slave pod or claim number {@code ordinal}. */
  public static Map<String, String> slave(String name, int ordinal) {
    Map<String, String> labels = pod(name, SLAVE);
    labels.put(SLAVE_ORDINAL, Integer.toString(ordinal));
    return labels;
  }

  /** A selector map as a label selector string ({@code k=v,k=v}). */
  public static String selectorString(Map<String, String> selector) {
    StringBuilder s = new StringBuilder();
    selector.forEach(
        (k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return s.toString();
  }
}
