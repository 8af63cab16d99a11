package io.distdb.node.service;

import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL types distdb exposes on the wire, with their pg_type OIDs and typlen (-1 =
 * varlena). Values in result rows are Java objects: see each constant for the class the session
 * hands out.
 */
public enum PgType {
  /** Boolean. */
  BOOL(16, 1),
  /** byte[]. */
  BYTEA(17, -1),
  /** String of one character: the one-byte {@code "char"} of pg_class.relkind and friends. */
  CHAR(18, 1),
  /** String: identifiers in the system catalogs (at most 63 bytes). */
  NAME(19, 64),
  /** Long. */
  INT8(20, 8),
  /** Short. */
  INT2(21, 2),
  /** Integer. */
  INT4(23, 4),
  /** String. */
  TEXT(25, -1),
  /** Long: object identifiers, unsigned 32-bit. */
  OID(26, 4),
  /** String (JSON text as the client wrote it, spaced like jsonb's). */
  JSON(114, -1),
  /** Float. */
  FLOAT4(700, 4),
  /** Double. */
  FLOAT8(701, 8),
  /** String: parameters of undeclared type arrive as this. */
  UNKNOWN(705, -2),
  /** String, blank-padded. */
  BPCHAR(1042, -1),
  /** String. */
  VARCHAR(1043, -1),
  /** LocalDate. */
  DATE(1082, 4),
  /** LocalTime. */
  TIME(1083, 8),
  /** LocalDateTime. */
  TIMESTAMP(1114, 8),
  /** OffsetDateTime. */
  TIMESTAMPTZ(1184, 8),
  /** storage.PgInterval. */
  INTERVAL(1186, 16),
  /** BigDecimal. */
  NUMERIC(1700, -1),
  /** String: a type's name, as pg_typeof answers it. */
  REGTYPE(2206, 4),
  /** UUID. */
  UUID(2950, 16),
  /** String (PostgreSQL's jsonb text: keys sorted, one per name). */
  JSONB(3802, -1),
  /**
   * One-dimensional arrays, each an {@code Object[]} of its element type's values (null elements
   * allowed).
   */
  BOOL_ARRAY(1000, -1, BOOL),
  INT2_ARRAY(1005, -1, INT2),
  INT4_ARRAY(1007, -1, INT4),
  NAME_ARRAY(1003, -1, NAME),
  /** int2vector: one-dimensional, printed as the numbers separated by spaces. */
  INT2VECTOR(22, -1, INT2),
  /** oidvector: one-dimensional, printed as int2vector is (pg_proc's proargtypes). */
  OIDVECTOR(30, -1, OID),
  TEXT_ARRAY(1009, -1, TEXT),
  OID_ARRAY(1028, -1, OID),
  VARCHAR_ARRAY(1015, -1, VARCHAR),
  INT8_ARRAY(1016, -1, INT8),
  FLOAT4_ARRAY(1021, -1, FLOAT4),
  FLOAT8_ARRAY(1022, -1, FLOAT8),
  TIMESTAMP_ARRAY(1115, -1, TIMESTAMP),
  DATE_ARRAY(1182, -1, DATE),
  TIMESTAMPTZ_ARRAY(1185, -1, TIMESTAMPTZ),
  INTERVAL_ARRAY(1187, -1, INTERVAL),
  NUMERIC_ARRAY(1231, -1, NUMERIC),
  UUID_ARRAY(2951, -1, UUID);

  private static final Map<Integer, PgType> BY_OID = new HashMap<>();
  private static final Map<PgType, PgType> ARRAY_OF = new HashMap<>();

  static {
    for (PgType t : values()) {
      BY_OID.put(t.oid, t);
      if (t.element != null && t != INT2VECTOR && t != OIDVECTOR) {
        ARRAY_OF.put(t.element, t);
      }
    }
  }

  private final int oid;
  private final short size;
  private final PgType element;

  PgType(int oid, int size) {
    this(oid, size, null);
  }

  PgType(int oid, int size, PgType element) {
    this.oid = oid;
    this.size = (short) size;
    this.element = element;
  }

  /** The element type of an array type; null for every other type. */
  public PgType element() {
    return element;
  }

  /** The array type whose elements are {@code element}; text[] for types without one. */
  public static PgType arrayOf(PgType element) {
    return ARRAY_OF.getOrDefault(element, TEXT_ARRAY);
  }

  public int oid() {
    return oid;
  }

  /** pg_type.typlen, as RowDescription carries it. */
  public short size() {
    return size;
  }

  /** The type for an OID; unknown OIDs map to {@link #TEXT}, whose text form any value has. */
  public static PgType byOid(int oid) {
    return BY_OID.getOrDefault(oid, TEXT);
  }
}
