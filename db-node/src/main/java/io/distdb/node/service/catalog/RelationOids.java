package io.distdb.node.service.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * H2 has no object ids, but psql's {@code \d t} looks a table up by name and then asks about it by
 * oid. A session hands out oids on lookup and remembers what they stand for; they start where
 * PostgreSQL's user objects start (FirstNormalObjectId) and are stable within the session.
 */
final class RelationOids {

  private static final long FIRST = 16384;

  private final Map<Long, H2Catalog.Relation> byOid = new HashMap<>();
  private final Map<H2Catalog.Relation, Long> byRelation = new HashMap<>();

  long oid(H2Catalog.Relation relation) {
    return byRelation.computeIfAbsent(
        relation,
        r -> {
          long oid = FIRST + byOid.size();
          byOid.put(oid, r);
          return oid;
        });
  }

  /** The relation an oid was handed out for, or null. */
  H2Catalog.Relation relation(Long oid) {
    return oid == null ? null : byOid.get(oid);
  }
}
