package io.distdb.node.dialect;

import java.util.Locale;
import java.util.Map;

/**
 * The catalog relations distdb lists in pg_class under PostgreSQL 15's own OIDs (the same list as
 * {@code pg_class} in {@code storage/pg-catalog.sql}), so that {@code 'pg_proc'::regclass} is a
 * constant: pg_dump compares every row's {@code classid} with one, and looking the name up per row
 * made its catalog queries take seconds.
 */
final class CatalogRelationOids {

  private static final Map<String, Integer> OIDS =
      Map.ofEntries(
          Map.entry("pg_class", 1259),
          Map.entry("pg_type", 1247),
          Map.entry("pg_attribute", 1249),
          Map.entry("pg_proc", 1255),
          Map.entry("pg_constraint", 2606),
          Map.entry("pg_namespace", 2615),
          Map.entry("pg_index", 2610),
          Map.entry("pg_attrdef", 2604),
          Map.entry("pg_description", 2609),
          Map.entry("pg_depend", 2608),
          Map.entry("pg_database", 1262),
          Map.entry("pg_authid", 1260),
          Map.entry("pg_am", 2601),
          Map.entry("pg_sequence", 2224),
          Map.entry("pg_extension", 3079),
          Map.entry("pg_inherits", 2611),
          Map.entry("pg_collation", 3456),
          Map.entry("pg_tablespace", 1213),
          Map.entry("pg_rewrite", 2618),
          Map.entry("pg_trigger", 2620),
          Map.entry("pg_language", 2612),
          Map.entry("pg_cast", 2605),
          Map.entry("pg_operator", 2617),
          Map.entry("pg_opclass", 2616),
          Map.entry("pg_opfamily", 2753),
          Map.entry("pg_amop", 2602),
          Map.entry("pg_amproc", 2603),
          Map.entry("pg_policy", 3256),
          Map.entry("pg_publication", 6104),
          Map.entry("pg_shdepend", 1214),
          Map.entry("pg_event_trigger", 3466),
          Map.entry("pg_foreign_data_wrapper", 2328),
          Map.entry("pg_foreign_server", 1417),
          Map.entry("pg_transform", 3576),
          Map.entry("pg_conversion", 2607),
          Map.entry("pg_default_acl", 826),
          Map.entry("pg_statistic_ext", 3381),
          Map.entry("pg_largeobject", 2613),
          Map.entry("pg_largeobject_metadata", 2995),
          Map.entry("pg_seclabel", 3596),
          Map.entry("pg_ts_dict", 3600),
          Map.entry("pg_ts_parser", 3601),
          Map.entry("pg_ts_config", 3602),
          Map.entry("pg_ts_template", 3764),
          Map.entry("pg_init_privs", 3394),
          Map.entry("pg_range", 3541),
          Map.entry("pg_partitioned_table", 3350),
          Map.entry("pg_publication_rel", 6106),
          Map.entry("pg_publication_namespace", 6237),
          Map.entry("pg_subscription", 6100),
          Map.entry("pg_foreign_table", 3118));

  private CatalogRelationOids() {}

  /** The OID of {@code name} ({@code pg_proc} or {@code pg_catalog.pg_proc}), or null. */
  static Integer of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("pg_catalog.")) {
      n = n.substring("pg_catalog.".length());
    }
    return OIDS.get(n);
  }
}
