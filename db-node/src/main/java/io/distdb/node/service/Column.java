package io.distdb.node.service;

/**
 * One result column as RowDescription announces it.
 *
 * @param name the column label
 * @param typeOid the PostgreSQL type OID (see {@link PgType})
 * @param typeModifier PostgreSQL's atttypmod, -1 when none
 */
public record Column(String name, int typeOid, int typeModifier) {

  public Column(String name, PgType type) {
    this(name, type.oid(), -1);
  }

  public PgType type() {
    return PgType.byOid(typeOid);
  }
}
