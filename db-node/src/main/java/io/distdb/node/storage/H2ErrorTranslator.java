package io.distdb.node.storage;

import io.distdb.node.storage.TranslatedError.ErrorObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * Maps H2 2.4 errors to the SQLSTATE and wording a PostgreSQL 15 server would use, so that client
 * drivers and ORMs that branch on SQLSTATE (unique violation, serialization failure, undefined
 * table ...) behave as they do against PostgreSQL. Names come back as H2 reports them: lower case
 * under DATABASE_TO_LOWER=TRUE, H2's generated constraint names in upper case.
 */
public final class H2ErrorTranslator {

  /** SQLSTATE classes PostgreSQL defines: an unmapped H2 state in one of them is passed through. */
  private static final Set<String> POSTGRES_CLASSES =
      Set.of(
          "00", "01", "02", "03", "08", "09", "0A", "0B", "0F", "0L", "0P", "0Z", "20", "21", "22",
          "23", "24", "25", "26", "27", "28", "2B", "2D", "2F", "34", "38", "39", "3B", "3D", "3F",
          "40", "42", "44", "53", "54", "55", "57", "58", "72", "F0", "HV", "P0", "XX");

  private H2ErrorTranslator() {}

  public static TranslatedError translate(SQLException e) {
    SQLException h2 = e;
    // Wrappers (ours or a pool's) carry the H2 exception as their cause.
    while (!(h2 instanceof DiagnosedException)
        && h2.getErrorCode() == 0
        && h2.getCause() instanceof SQLException cause) {
      h2 = cause;
    }
    if (h2 instanceof DiagnosedException d) {
      return d.translated();
    }
    H2Message m = new H2Message(h2.getMessage());
    String name = m.firstQuoted();
    switch (h2.getErrorCode()) {
      case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1,
      ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2,
      ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1,
      ErrorCode.VIEW_NOT_FOUND_1:
        return error("42P01", "relation \"" + name + "\" does not exist");
      case ErrorCode.SEQUENCE_NOT_FOUND_1:
        // nextval('s') reports the name upper-cased; the lookup folded it to lower case.
        return error("42P01", "relation \"" + name.toLowerCase(Locale.ROOT) + "\" does not exist");
      case ErrorCode.COLUMN_NOT_FOUND_1:
        // PostgreSQL quotes a bare column name but not a qualified one: column t.x does not exist.
        return error(
            "42703",
            name.contains(".")
                ? "column " + name + " does not exist"
                : "column \"" + name + "\" does not exist");
      case ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS_1,
      ErrorCode.INDEX_ALREADY_EXISTS_1,
      ErrorCode.VIEW_ALREADY_EXISTS_1,
      ErrorCode.SEQUENCE_ALREADY_EXISTS_1:
        return error("42P07", "relation \"" + name + "\" already exists");
      case ErrorCode.SCHEMA_ALREADY_EXISTS_1:
        return error("42P06", "schema \"" + name + "\" already exists");
      case ErrorCode.DUPLICATE_COLUMN_NAME_1:
        return error("42701", "column \"" + name + "\" specified more than once");
      case ErrorCode.CONSTRAINT_ALREADY_EXISTS_1:
        return error("42710", "constraint \"" + name + "\" already exists");
      case ErrorCode.DOMAIN_ALREADY_EXISTS_1:
        // CREATE TYPE ... AS ENUM is one of H2's domains.
        return error("42710", "type \"" + name + "\" already exists");
      case ErrorCode.DOMAIN_NOT_FOUND_1:
        return error("42704", "type \"" + name + "\" does not exist");
      case ErrorCode.CANNOT_DROP_2:
        return error("2BP01", "cannot drop " + name + " because other objects depend on it");
      case ErrorCode.ENUM_VALUE_NOT_PERMITTED:
        // H2 names the column's value list, not the type: the enum's name is not at hand.
        return error("22P02", "invalid input value for enum: " + m.argument());
      case ErrorCode.SCHEMA_NOT_FOUND_1:
        return error("3F000", "schema \"" + name + "\" does not exist");
      case ErrorCode.INDEX_NOT_FOUND_1:
        return error("42704", "index \"" + name + "\" does not exist");
      case ErrorCode.CONSTRAINT_NOT_FOUND_1:
        return error("42704", "constraint \"" + name + "\" does not exist");
      case ErrorCode.DUPLICATE_KEY_1:
        return new TranslatedError(
            "23505",
            "duplicate key value violates unique constraint \"" + m.uniqueIndexName() + "\"",
            m.uniqueKeyDetail(),
            ErrorObject.constraint(m.uniqueSchema(), m.uniqueTable(), m.uniqueIndexName()));
      case ErrorCode.NULL_NOT_ALLOWED:
        // H2 does not name the table: ConstraintDiagnosis adds "of relation ..." and the row.
        return new TranslatedError(
            "23502",
            "null value in column \"" + name + "\" violates not-null constraint",
            null,
            ErrorObject.column(null, null, name));
      case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1:
        return foreignKeyParentMissing(m);
      case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1:
        return foreignKeyChildExists(m);
      case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1, ErrorCode.CHECK_CONSTRAINT_INVALID:
        // H2 does not name the table: ConstraintDiagnosis adds "for relation ..." and the row.
        return new TranslatedError(
            "23514",
            "new row violates check constraint \"" + m.constraintName() + "\"",
            null,
            ErrorObject.constraint(null, null, m.constraintName()));
      case ErrorCode.SYNTAX_ERROR_1, ErrorCode.SYNTAX_ERROR_2:
        return syntaxError(m);
      case ErrorCode.COLUMN_COUNT_DOES_NOT_MATCH:
        return error("42601", m.lowerFirst());
      case ErrorCode.AMBIGUOUS_COLUMN_NAME_1:
        return error("42702", "column reference \"" + name + "\" is ambiguous");
      case ErrorCode.DATA_CONVERSION_ERROR_1:
        return conversionError(m, h2);
      case ErrorCode.INVALID_DATETIME_CONSTANT_2:
        return datetimeError(m);
      case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2:
        String overflow = IntegerOverflow.message(h2);
        return error("22003", overflow != null ? overflow : outOfRange(name));
      case ErrorCode.STEP_SIZE_MUST_NOT_BE_ZERO:
        return error("22023", "step size cannot equal zero");
      case ErrorCode.VALUE_TOO_LONG_2:
        return valueTooLong(m);
      case ErrorCode.DIVISION_BY_ZERO_1:
        return error("22012", "division by zero");
      case ErrorCode.CANNOT_TRUNCATE_1:
        return error("0A000", "cannot truncate a table referenced in a foreign key constraint");
      case ErrorCode.UNKNOWN_DATA_TYPE_1:
        // H2 upper-cases the name it could not resolve; PostgreSQL echoes it as written (folded).
        return error("42704", "type \"" + name.toLowerCase(Locale.ROOT) + "\" does not exist");
      case ErrorCode.FUNCTION_NOT_FOUND_1:
        return error("42883", "function " + name + " does not exist");
      case ErrorCode.EXCEPTION_IN_FUNCTION_1:
        return functionError(h2);
      case ErrorCode.LOCK_TIMEOUT_1:
        return error("55P03", "canceling statement due to lock timeout");
      case ErrorCode.DEADLOCK_1:
        return error("40P01", "deadlock detected");
      case ErrorCode.CONCURRENT_UPDATE_1:
        return error("40001", "could not serialize access due to concurrent update");
      case ErrorCode.STATEMENT_WAS_CANCELED:
        return error("57014", "canceling statement due to user request");
      case ErrorCode.INVALID_VALUE_2,
      ErrorCode.INVALID_VALUE_PRECISION,
      ErrorCode.INVALID_VALUE_SCALE:
        return error("22023", m.lowerFirst());
      case ErrorCode.PARAMETER_NOT_SET_1:
        return error("08P01", m.lowerFirst());
      case ErrorCode.FEATURE_NOT_SUPPORTED_1:
        return error("0A000", m.lowerFirst());
      case ErrorCode.OUT_OF_MEMORY:
        return error("53200", "out of memory");
      case ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1, ErrorCode.ADMIN_RIGHTS_REQUIRED:
        return error("42501", "permission denied");
      case ErrorCode.GENERAL_ERROR_1:
        if (causedBy(h2, StackOverflowError.class)) {
          return stackDepthExceeded();
        }
        return error(passThroughState(h2.getSQLState()), m.lowerFirst());
      default:
        return error(passThroughState(h2.getSQLState()), m.lowerFirst());
    }
  }

  /**
   * A primary-key violation's key columns (as {@code a, b}) followed by the conflicting row's
   * values in table order, or null for any other error: H2 prints the whole row, so the key's
   * values need the table's column order, which only a connection can tell.
   */
  public static List<String> primaryKeyRow(SQLException e) {
    if (e.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
      return null;
    }
    return new H2Message(e.getMessage()).primaryKeyRow();
  }

  /** {@link PostgresFunctions} throws "SQLSTATE: message"; H2 wraps it as the cause. */
  private static TranslatedError functionError(SQLException h2) {
    for (Throwable t = h2.getCause(); t != null; t = t.getCause()) {
      String text = t.getMessage();
      if (t instanceof IllegalArgumentException
          && text != null
          && text.length() > 7
          && text.charAt(5) == ':'
          && text.substring(0, 5).matches("[0-9A-Z]{5}")) {
        return error(text.substring(0, 5), text.substring(7));
      }
    }
    return error("XX000", "function failed");
  }

  private static TranslatedError foreignKeyParentMissing(H2Message m) {
    List<String> fk = m.foreignKey();
    if (fk == null) {
      return error("23503", m.lowerFirst());
    }
    return new TranslatedError(
        "23503",
        "insert or update on table \""
            + fk.get(1)
            + "\" violates foreign key constraint \""
            + fk.get(0)
            + "\"",
        "Key ("
            + fk.get(2)
            + ")=("
            + fk.get(5)
            + ") is not present in table \""
            + fk.get(3)
            + "\".",
        ErrorObject.constraint(fk.get(6), fk.get(1), fk.get(0)));
  }

  private static TranslatedError foreignKeyChildExists(H2Message m) {
    List<String> fk = m.foreignKey();
    if (fk == null) {
      return error("23503", m.lowerFirst());
    }
    return new TranslatedError(
        "23503",
        "update or delete on table \""
            + fk.get(3)
            + "\" violates foreign key constraint \""
            + fk.get(0)
            + "\" on table \""
            + fk.get(1)
            + "\"",
        "Key ("
            + fk.get(4)
            + ")=("
            + fk.get(5)
            + ") is still referenced from table \""
            + fk.get(1)
            + "\".",
        // PostgreSQL names the referencing table on both sides (ri_ReportViolation).
        ErrorObject.constraint(fk.get(6), fk.get(1), fk.get(0)));
  }

  private static TranslatedError syntaxError(H2Message m) {
    String token = m.tokenAtErrorPosition();
    if (token == null) {
      return error("42601", m.lowerFirst());
    }
    return error(
        "42601",
        token.isEmpty()
            ? "syntax error at end of input"
            : "syntax error at or near \"" + token + "\"");
  }

  /**
   * H2 names the target type only as {@code "CHARACTER VARYING to BOOLEAN"}; for a literal like
   * {@code 'abc'::int} it names just the value, so the type is left out.
   */
  private static TranslatedError conversionError(H2Message m, SQLException h2) {
    String quoted = m.firstQuoted();
    int to = quoted.indexOf(" to ");
    if (to >= 0) {
      String type = PostgresTypeNames.of(quoted.substring(to + 4));
      return error("22P02", "invalid input syntax for type " + type);
    }
    // Text read as an integer: the frames say which type (IntegerOverflow); PostgreSQL tells a
    // number too large for it (22003) from text that is no number (22P02).
    String integer = IntegerOverflow.type(h2);
    if (integer != null) {
      if (quoted.strip().matches("[+-]?[0-9]+")) {
        return error("22003", "value \"" + quoted + "\" is out of range for type " + integer);
      }
      return error("22P02", "invalid input syntax for type " + integer + ": \"" + quoted + "\"");
    }
    return error("22P02", "invalid input syntax: \"" + quoted + "\"");
  }

  /** {@code Cannot parse "DATE" constant "x"}. */
  private static TranslatedError datetimeError(H2Message m) {
    String[] parts = m.text().split("\"");
    if (parts.length >= 4) {
      return error(
          "22007",
          "invalid input syntax for type "
              + PostgresTypeNames.of(parts[1])
              + ": \""
              + parts[3]
              + "\"");
    }
    return error("22007", m.lowerFirst());
  }

  /**
   * H2 reports NUMERIC precision overflow as "value too long"; PostgreSQL as a numeric overflow.
   */
  private static TranslatedError valueTooLong(H2Message m) {
    String type = m.columnType();
    if (type.startsWith("numeric") || type.startsWith("decimal")) {
      return error("22003", "numeric field overflow");
    }
    return error("22001", "value too long for type " + type);
  }

  /** PostgreSQL's answer to a statement nested too deeply to evaluate. */
  public static TranslatedError stackDepthExceeded() {
    return error("54001", "stack depth limit exceeded");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String passThroughState(String state) {
    if (state != null && state.length() == 5 && POSTGRES_CLASSES.contains(state.substring(0, 2))) {
      return state;
    }
    return "XX000";
  }

  private static TranslatedError error(String state, String message) {
    return new TranslatedError(state, message, null);
  }

  /**
   * PostgreSQL names the integer type that overflowed ("integer out of range"); H2 names the value.
   * Values inside int's range can only have overflowed a smallint, those inside bigint's an integer
   * (H2 reports a bigint overflow by an operand at bigint's bounds); anything else keeps the value.
   */
  static String outOfRange(String value) {
    try {
      java.math.BigInteger v = new java.math.BigInteger(value.strip());
      if (v.bitLength() <= 31) {
        return "smallint out of range";
      }
      if (v.bitLength() <= 63
          && !v.equals(java.math.BigInteger.valueOf(Long.MAX_VALUE))
          && !v.equals(java.math.BigInteger.valueOf(Long.MIN_VALUE + 1))) {
        return "integer out of range";
      }
      return "bigint out of range";
    } catch (NumberFormatException | NullPointerException e) {
      return "value \"" + value + "\" is out of range";
    }
  }
}
