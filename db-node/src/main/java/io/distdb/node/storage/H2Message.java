package io.distdb.node.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts PostgreSQL's messages need (names, key columns, the error position) out of an H2
 * 2.4 error message. H2 puts these only in its message text, so this is the one place that knows
 * its wording.
 */
final class H2Message {

  private static final Pattern STATEMENT_TAIL = Pattern.compile("(?s); SQL statement:\\R.*$");
  private static final Pattern CODE_SUFFIX = Pattern.compile("\\s*\\[\\d+-\\d+]\\s*$");

  /** {@code "schema.index ON schema.table(col NULLS LAST, ...) VALUES ( /* 1 *&#47; 'a' )"}. */
  private static final Pattern UNIQUE_VALUES =
      Pattern.compile(
          "^\"?(?:[^ .\"]+\\.)?([^ \"]+)(?: INDEX (?:[^ .\"]+\\.)?[^ \"]+)? ON (?:[^ .]+\\.)?[^(]+"
              + "\\((.*?)\\) VALUES \\((.*)\\)\"?$");

  /** {@code "schema.name PRIMARY KEY ON schema.table(cols) ( /* key:1 *&#47; 1, 'a')"}. */
  private static final Pattern PRIMARY_KEY_ROW =
      Pattern.compile(
          "^\"?(?:[^ .\"]+\\.)?[^ \"]+ PRIMARY KEY ON (?:[^ .]+\\.)?[^(]+\\((.*?)\\)"
              + " \\( /\\*[^*]*\\*/ (.*)\\)\"?$");

  /** The table of a unique index, {@code ... ON schema.table(cols) ...}. */
  private static final Pattern INDEX_TABLE = Pattern.compile(" ON (?:([^ .\"]+)\\.)?([^ (\"]+)\\(");

  /** {@code "name: schema.child FOREIGN KEY(cols) REFERENCES schema.parent(cols) (values)"}. */
  private static final Pattern FOREIGN_KEY =
      Pattern.compile(
          "^\"?([^:\"]+): (?:([^ .]+)\\.)?(\\S+) FOREIGN KEY\\(([^)]*)\\) REFERENCES "
              + "(?:[^ .]+\\.)?([^(]+)\\(([^)]*)\\) \\((.*)\\)\"?$");

  private static final Pattern VALUE_COMMENT = Pattern.compile("/\\*.*?\\*/");
  private static final Pattern COLUMN_ORDER =
      Pattern.compile("(?i)\\s+(ASC|DESC|NULLS FIRST|NULLS LAST)");
  private static final String MARKER = "[*]";

  private final String text;

  H2Message(String raw) {
    String m = raw == null ? "" : raw;
    m = STATEMENT_TAIL.matcher(m).replaceFirst("");
    m = CODE_SUFFIX.matcher(m).replaceFirst("");
    this.text = m.strip();
  }

  /** The message without H2's statement echo and error-code suffix. */
  String text() {
    return text;
  }

  /** The message with a lower-case first letter, as PostgreSQL words its messages. */
  String lowerFirst() {
    if (text.length() > 1
        && Character.isUpperCase(text.charAt(0))
        && !Character.isUpperCase(text.charAt(1))) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }

  /**
   * The first double-quoted part of the message ({@code ""} inside it a quote), or "?" if there is
   * none. A scan, not a regular expression: a syntax error quotes the whole statement, and
   * java.util.regex recurses once per character of an alternation, which overflowed the stack on
   * pgjdbc's getIndexInfo (a few KB).
   */
  String firstQuoted() {
    int open = text.indexOf('"');
    if (open < 0) {
      return "?";
    }
    StringBuilder quoted = new StringBuilder();
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '"') {
        quoted.append(c);
      } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
        quoted.append('"');
        i++;
      } else {
        return quoted.toString();
      }
    }
    return "?";
  }

  /**
   * The text after the message's colon and its quotes: the argument of H2's {@code ..._1} codes.
   */
  String argument() {
    int colon = text.indexOf(": ");
    return colon < 0 ? text : text.substring(colon + 2).strip();
  }

  /** For a unique violation: the index name, or null. */
  String uniqueIndexName() {
    Matcher m = UNIQUE_VALUES.matcher(argument());
    if (m.matches()) {
      return m.group(1);
    }
    String name = argument().replaceFirst("^\"", "").split(" ", 2)[0];
    int dot = name.indexOf('.');
    return name.isEmpty() ? null : name.substring(dot + 1);
  }

  /** For a unique violation: PostgreSQL's DETAIL {@code Key (b)=(a) already exists.}, or null. */
  String uniqueKeyDetail() {
    Matcher m = UNIQUE_VALUES.matcher(argument());
    if (!m.matches()) {
      return null; // primary-key violations list the whole row, not the key
    }
    return "Key (" + columns(m.group(2)) + ")=(" + values(m.group(3)) + ") already exists.";
  }

  /** For a unique violation: the schema of the index's table, or null. */
  String uniqueSchema() {
    Matcher m = INDEX_TABLE.matcher(argument());
    return m.find() ? m.group(1) : null;
  }

  /** For a unique violation: the index's table, or null. */
  String uniqueTable() {
    Matcher m = INDEX_TABLE.matcher(argument());
    return m.find() ? m.group(2) : null;
  }

  /**
   * For a primary-key violation: the key's columns, then the conflicting row's values (all of its
   * columns, in table order, as PostgreSQL would print them); null if the message is another's.
   */
  List<String> primaryKeyRow() {
    Matcher m = PRIMARY_KEY_ROW.matcher(argument());
    if (!m.matches()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    out.add(columns(m.group(1)));
    out.addAll(List.of(values(m.group(2)).split(", ", -1)));
    return out;
  }

  /**
   * For a foreign-key violation: name, child, child columns, parent, parent columns, values, and
   * the child's schema (null if H2 did not qualify it).
   */
  List<String> foreignKey() {
    Matcher m = FOREIGN_KEY.matcher(argument());
    if (!m.matches()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int[] groups = {1, 3, 4, 5, 6, 7};
    for (int k = 0; k < groups.length; k++) {
      String g = m.group(groups[k]);
      parts.add(k == 5 ? values(g) : k == 2 || k == 4 ? columns(g) : g.strip());
    }
    parts.add(m.group(2));
    return parts;
  }

  /** The name before the colon in {@code "CONSTRAINT_74: expression"}. */
  String constraintName() {
    String arg = argument().replaceFirst("^\"", "");
    int colon = arg.indexOf(':');
    return colon < 0 ? firstQuoted() : arg.substring(0, colon).strip();
  }

  /**
   * The text PostgreSQL would quote in {@code syntax error at or near "..."}: the token after H2's
   * {@code [*]} marker; "" when the marker is at the end; null when H2 gave no position.
   */
  String tokenAtErrorPosition() {
    int marker = text.indexOf(MARKER);
    if (marker < 0) {
      return null;
    }
    String after = text.substring(marker + MARKER.length());
    int statementEnd = after.indexOf("\"; expected");
    if (statementEnd < 0) {
      statementEnd = after.lastIndexOf('"');
    }
    String rest = (statementEnd < 0 ? after : after.substring(0, statementEnd)).stripLeading();
    if (rest.isEmpty()) {
      return "";
    }
    char c = rest.charAt(0);
    int end = 1;
    if (Character.isLetterOrDigit(c) || c == '_') {
      while (end < rest.length()
          && (Character.isLetterOrDigit(rest.charAt(end))
              || rest.charAt(end) == '_'
              || rest.charAt(end) == '.')) {
        end++;
      }
    } else if (c == '\'' || c == '"') {
      int close = rest.indexOf(c, 1);
      end = close < 0 ? rest.length() : close + 1;
    }
    return rest.substring(0, end);
  }

  /**
   * From {@code "b CHARACTER VARYING(3)"}: the type, lower-cased, e.g. {@code character
   * varying(3)}.
   */
  String columnType() {
    String column = firstQuoted();
    int space = column.indexOf(' ');
    return space < 0
        ? column.toLowerCase(Locale.ROOT)
        : column.substring(space + 1).toLowerCase(Locale.ROOT);
  }

  private static String columns(String h2Columns) {
    return COLUMN_ORDER.matcher(h2Columns).replaceAll("").strip();
  }

  /** H2 shows values as SQL literals ({@code 'a'}, {@code NULL}); PostgreSQL shows them bare. */
  private static String values(String h2Values) {
    String v = VALUE_COMMENT.matcher(h2Values).replaceAll("").strip();
    List<String> out = new ArrayList<>();
    for (String item : v.split(",\\s*(?=(?:[^']*'[^']*')*[^']*$)")) {
      String s = item.strip();
      if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
        s = s.substring(1, s.length() - 1).replace("''", "'");
      } else if (s.equals("NULL")) {
        s = "null";
      }
      out.add(s);
    }
    return String.join(", ", out);
  }
}
