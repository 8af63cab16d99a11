package io.distdb.node.copy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Collects COPY options by name and checks them as PostgreSQL 15's ProcessCopyOptions does. */
final class CopyOptionsBuilder {

  private final Set<String> seen = new HashSet<>();
  private String format = "text";
  private String delimiter;
  private String nullString;
  private String quote;
  private String escape;
  private boolean header;
  private boolean headerMatch;

  /** One option; {@code value} is null when it was given without one. */
  void set(String name, String value) throws CopyException {
    String key = name.toLowerCase(Locale.ROOT);
    if (!seen.add(key)) {
      throw CopyException.syntax("conflicting or redundant options");
    }
    switch (key) {
      case "format" -> format = required(key, value).toLowerCase(Locale.ROOT);
      case "delimiter" -> delimiter = required(key, value);
      case "null" -> nullString = required(key, value);
      case "quote" -> quote = required(key, value);
      case "escape" -> escape = required(key, value);
      case "header" -> header(value);
      case "freeze" -> bool(key, value); // no visibility trick to skip: accepted, changes nothing
      case "encoding" -> encoding(required(key, value));
      case "force_quote", "force_not_null", "force_null" ->
          throw CopyException.unsupported("COPY option " + key + " is not supported by distdb");
      default -> throw CopyException.syntax("option \"" + key + "\" not recognized");
    }
  }

  CopyOptions build(boolean from) throws CopyException {
    boolean csv;
    switch (format) {
      case "text" -> csv = false;
      case "csv" -> csv = true;
      case "binary" -> {
        return binary(from);
      }
      default -> throw new CopyException("22023", "COPY format \"" + format + "\" not recognized");
    }
    CopyOptions base = csv ? CopyOptions.CSV : CopyOptions.TEXT;
    char delim = delimiter == null ? base.delimiter() : oneByte("delimiter", delimiter);
    if (delim == '\n' || delim == '\r') {
      throw new CopyException("22023", "COPY delimiter cannot be newline or carriage return");
    }
    if (!csv
        && "\\.abcdefghijklmnopqrstuvwxyz0123456789".indexOf(Character.toLowerCase(delim)) >= 0) {
      throw unsupported("COPY delimiter cannot be \"" + delim + "\"");
    }
    String nul = nullString == null ? base.nullString() : nullString;
    if (nul.indexOf('\n') >= 0 || nul.indexOf('\r') >= 0) {
      throw new CopyException(
          "22023", "COPY null representation cannot use newline or carriage return");
    }
    if (!csv && (quote != null || escape != null)) {
      throw unsupported(
          "COPY " + (quote != null ? "quote" : "escape") + " available only in CSV mode");
    }
    char q = quote == null ? base.quote() : oneByte("quote", quote);
    char e = escape == null ? q : oneByte("escape", escape);
    if (csv && delim == q) {
      throw unsupported("COPY delimiter and quote must be different");
    }
    if (nul.indexOf(delim) >= 0) {
      throw unsupported("COPY delimiter must not appear in the NULL specification");
    }
    if (csv && nul.indexOf(q) >= 0) {
      throw unsupported("CSV quote character must not appear in the NULL specification");
    }
    if (headerMatch && !from) {
      throw unsupported("cannot use \"match\" with HEADER in COPY TO");
    }
    return new CopyOptions(csv, delim, nul, q, e, header, headerMatch);
  }

  /** PostgreSQL's checks of the options binary format has no use for. */
  private CopyOptions binary(boolean from) throws CopyException {
    if (!from) {
      throw CopyException.unsupported("COPY TO in binary format is not supported by distdb");
    }
    for (String option : List.of("delimiter", "null", "header")) {
      if (seen.contains(option)) {
        throw CopyException.syntax(
            "cannot specify " + option.toUpperCase(Locale.ROOT) + " in BINARY mode");
      }
    }
    for (String option : List.of("quote", "escape")) {
      if (seen.contains(option)) {
        throw unsupported("COPY " + option + " available only in CSV mode");
      }
    }
    return CopyOptions.BINARY;
  }

  private void header(String value) throws CopyException {
    if (value != null && value.equalsIgnoreCase("match")) {
      header = true;
      headerMatch = true;
    } else {
      header = bool("header", value);
    }
  }

  private static boolean bool(String name, String value) throws CopyException {
    if (value == null) {
      return true;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "1", "yes" -> true;
      case "false", "off", "0", "no" -> false;
      default -> throw new CopyException("22023", name + " requires a Boolean value");
    };
  }

  private static void encoding(String value) throws CopyException {
    String v = value.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (!v.equals("UTF8") && !v.equals("UNICODE")) {
      throw unsupported("COPY encoding \"" + value + "\" is not supported by distdb (only UTF8)");
    }
  }

  private static String required(String name, String value) throws CopyException {
    if (value == null) {
      throw CopyException.syntax(name + " requires a parameter");
    }
    return value;
  }

  private static char oneByte(String what, String value) throws CopyException {
    if (value.length() != 1 || value.charAt(0) > 0x7f) {
      throw unsupported("COPY " + what + " must be a single one-byte character");
    }
    return value.charAt(0);
  }

  private static CopyException unsupported(String message) {
    return CopyException.unsupported(message);
  }
}
