package io.distdb.node.storage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.h2.api.Interval;
import org.h2.value.Value;

/**
 * PostgreSQL 15 built-in functions H2 lacks (string, binary, numeric, date/time), called through
 * aliases in {@code distdb_catalog} like {@link PostgresFunctions}: pure and strict (a null
 * argument gives null), errors thrown as {@link IllegalArgumentException} whose message starts with
 * the SQLSTATE. The clock functions ({@link #CLOCK}) read the clock and are installed as not
 * deterministic; rows are replicated as images, so replicas never recompute them.
 *
 * <p>One of the classes the engine may load (see {@link EngineHardening}): it must never touch
 * files, the network, threads or state.
 */
public final class PostgresBuiltinFunctions {

  /** SQL name → Java method, installed by {@link EngineFunctions}. */
  static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("bytea_encode", "encode"),
          Map.entry("bytea_decode", "decode"),
          Map.entry("sha224", "sha224"),
          Map.entry("sha256", "sha256"),
          Map.entry("sha384", "sha384"),
          Map.entry("sha512", "sha512"),
          Map.entry("similar_regex", "similarRegex"),
          Map.entry("make_interval", "makeInterval"),
          Map.entry("justify_hours", "justifyHours"),
          Map.entry("justify_days", "justifyDays"),
          Map.entry("justify_interval", "justifyInterval"),
          Map.entry("to_timestamp_epoch", "toTimestamp"),
          Map.entry("timezone_local", "timezoneLocal"),
          Map.entry("timezone_tz", "timezoneTz"),
          Map.entry("clock_timestamp", "clockTimestamp"),
          Map.entry("timeofday", "timeofday"),
          Map.entry("numeric_div", "numericDiv"),
          Map.entry("numeric_mod", "numericMod"),
          Map.entry("numeric_div_trunc", "numericDivTrunc"),
          Map.entry("float8_round", "float8Round"),
          Map.entry("pg_typeof", "pgTypeof"),
          Map.entry("regexp_split_to_array", "regexpSplitToArray"),
          Map.entry("regexp_count", "regexpCount"),
          Map.entry("regexp_matches", "regexpMatches"),
          Map.entry("to_number", "toNumber"),
          Map.entry("width_bucket", "widthBucket"),
          Map.entry("text_overlay", "overlay"),
          Map.entry("starts_with", "startsWith"),
          Map.entry("bool_in", "boolIn"),
          Map.entry("generate_series_ts", "generateSeries"));

  /** Aliases that read the clock: not deterministic. */
  static final Set<String> CLOCK = Set.of("clock_timestamp", "timeofday");

  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long MICROS_PER_HOUR = 3_600_000_000L;

  /** The most rows a generate_series over timestamps may produce (it builds an array). */
  static final int MAX_SERIES = 10_000_000;

  private PostgresBuiltinFunctions() {}

  // ---- binary

  /** {@code encode(bytea, format)}: base64 (76-character lines, as PostgreSQL), hex, escape. */
  public static String encode(byte[] data, String format) {
    if (data == null || format == null) {
      return null;
    }
    switch (format.toLowerCase(Locale.ROOT)) {
      case "base64" -> {
        String b = Base64.getEncoder().encodeToString(data);
        StringBuilder out = new StringBuilder(b.length() + b.length() / 76);
        for (int i = 0; i < b.length(); i += 76) {
          if (i > 0) {
            out.append('\n');
          }
          out.append(b, i, Math.min(b.length(), i + 76));
        }
        return out.toString();
      }
      case "hex" -> {
        return HexFormat.of().formatHex(data);
      }
      case "escape" -> {
        StringBuilder out = new StringBuilder();
        for (byte b : data) {
          int v = b & 0xff;
          if (v == '\\') {
            out.append("\\\\");
          } else if (v == 0 || v >= 0x80) {
            out.append('\\').append(String.format("%03o", v));
          } else {
            out.append((char) v);
          }
        }
        return out.toString();
      }
      default ->
          throw new IllegalArgumentException(
              "22023: unrecognized encoding: \"" + format.toLowerCase(Locale.ROOT) + "\"");
    }
  }

  /** {@code decode(text, format)}, the inverse of {@link #encode}. */
  public static byte[] decode(String text, String format) {
    if (text == null || format == null) {
      return null;
    }
    switch (format.toLowerCase(Locale.ROOT)) {
      case "base64" -> {
        try {
          return Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("22023: invalid base64 end sequence");
        }
      }
      case "hex" -> {
        String hex = text.replaceAll("\\s", "");
        if (hex.length() % 2 != 0) {
          throw new IllegalArgumentException(
              "22023: invalid hexadecimal data: odd number of digits");
        }
        try {
          return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("22023: invalid hexadecimal digit");
        }
      }
      case "escape" -> {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
          if (in[i] != '\\') {
            out.write(in[i]);
          } else if (i + 1 < in.length && in[i + 1] == '\\') {
            out.write('\\');
            i++;
          } else if (i + 3 < in.length + 0
              && isOctal(in[i + 1])
              && isOctal(in[i + 2])
              && isOctal(in[i + 3])) {
            out.write(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
            i += 3;
          } else {
            throw new IllegalArgumentException("22P02: invalid input syntax for type bytea");
          }
        }
        return out.toByteArray();
      }
      default ->
          throw new IllegalArgumentException(
              "22023: unrecognized encoding: \"" + format.toLowerCase(Locale.ROOT) + "\"");
    }
  }

  private static boolean isOctal(byte b) {
    return b >= '0' && b <= '7';
  }

  public static byte[] sha224(byte[] data) {
    return digest("SHA-224", data);
  }

  public static byte[] sha256(byte[] data) {
    return digest("SHA-256", data);
  }

  public static byte[] sha384(byte[] data) {
    return digest("SHA-384", data);
  }

  public static byte[] sha512(byte[] data) {
    return digest("SHA-512", data);
  }

  private static byte[] digest(String algorithm, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- text

  /**
   * The Java regular expression of a SQL {@code SIMILAR TO} pattern (PostgreSQL's
   * similar_to_escape, backslash the escape character): anchored at both ends, {@code %} any
   * string, {@code _} any character, the other regular expression operators kept.
   */
  public static String similarRegex(String pattern) {
    if (pattern == null) {
      return null;
    }
    StringBuilder out = new StringBuilder("^(?:");
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (inClass) {
        out.append(c);
        inClass = c != ']';
      } else if (c == '[') {
        out.append(c);
        inClass = true;
      } else if (c == '%') {
        out.append(".*");
      } else if (c == '_') {
        out.append('.');
      } else if (c == '.' || c == '^' || c == '$') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.append(")$").toString();
  }

  /** {@code regexp_split_to_array(s, pattern [, flags])}. */
  public static String[] regexpSplitToArray(String s, String pattern) {
    return regexpSplitToArray(s, pattern, "");
  }

  public static String[] regexpSplitToArray(String s, String pattern, String flags) {
    if (s == null || pattern == null || flags == null) {
      return null;
    }
    Matcher m = regex(pattern, flags, false).matcher(s);
    List<String> out = new ArrayList<>();
    int from = 0;
    while (from <= s.length() && m.find(from)) {
      if (m.end() == m.start()) {
        // An empty match splits before the next character (never at either end).
        if (m.start() >= s.length()) {
          break;
        }
        int next = m.start() == from ? from + 1 : m.start();
        if (next > s.length()) {
          break;
        }
        out.add(s.substring(from, next));
        from = next;
        continue;
      }
      out.add(s.substring(from, m.start()));
      from = m.end();
    }
    out.add(s.substring(Math.min(from, s.length())));
    return out.toArray(String[]::new);
  }

  /** {@code regexp_count(s, pattern [, start [, flags]])}: non-overlapping matches. */
  public static Integer regexpCount(String s, String pattern) {
    return regexpCount(s, pattern, 1, "");
  }

  public static Integer regexpCount(String s, String pattern, Integer start) {
    return regexpCount(s, pattern, start, "");
  }

  public static Integer regexpCount(String s, String pattern, Integer start, String flags) {
    if (s == null || pattern == null || start == null || flags == null) {
      return null;
    }
    if (start <= 0) {
      throw new IllegalArgumentException("22023: invalid value for parameter \"start\": " + start);
    }
    int from = s.offsetByCodePoints(0, Math.min(start - 1, s.codePointCount(0, s.length())));
    Matcher m = regex(pattern, flags, false).matcher(s);
    int n = 0;
    while (from <= s.length() && m.find(from)) {
      n++;
      from = m.end() > m.start() ? m.end() : m.end() + 1;
    }
    return n;
  }

  /**
   * {@code regexp_matches(s, pattern [, flags])}: each match's capture groups (the whole match if
   * the pattern has none), one array per match; only the first match without the {@code g} flag.
   */
  public static String[][] regexpMatches(String s, String pattern) {
    return regexpMatches(s, pattern, "");
  }

  public static String[][] regexpMatches(String s, String pattern, String flags) {
    if (s == null || pattern == null || flags == null) {
      return null;
    }
    Matcher m = regex(pattern, flags, true).matcher(s);
    boolean global = flags.indexOf('g') >= 0;
    List<String[]> out = new ArrayList<>();
    int from = 0;
    while (from <= s.length() && m.find(from)) {
      String[] groups;
      if (m.groupCount() == 0) {
        groups = new String[] {m.group()};
      } else {
        groups = new String[m.groupCount()];
        for (int g = 1; g <= m.groupCount(); g++) {
          groups[g - 1] = m.group(g);
        }
      }
      out.add(groups);
      if (!global) {
        break;
      }
      from = m.end() > m.start() ? m.end() : m.end() + 1;
    }
    return out.toArray(String[][]::new);
  }

  private static Pattern regex(String pattern, String flags, boolean allowGlobal) {
    int f = 0;
    for (char c : flags.toCharArray()) {
      switch (c) {
        case 'i' -> f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'c' -> f &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        case 'n', 'm' -> f |= Pattern.MULTILINE;
        case 's' -> f |= Pattern.DOTALL;
        case 'x' -> f |= Pattern.COMMENTS;
        case 'g' -> {
          if (!allowGlobal) {
            throw new IllegalArgumentException(
                "22023: regexp_split_to_array() does not support the \"global\" option");
          }
        }
        default ->
            throw new IllegalArgumentException(
                "22023: invalid regular expression option: \"" + c + "\"");
      }
    }
    try {
      return Pattern.compile(pattern, f);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "2201B: invalid regular expression: " + e.getDescription());
    }
  }

  /** {@code overlay(s placing t from i [for n])}; n defaults to t's length. */
  public static String overlay(String s, String t, Integer from) {
    return t == null ? null : overlay(s, t, from, t.codePointCount(0, t.length()));
  }

  public static String overlay(String s, String t, Integer from, Integer count) {
    if (s == null || t == null || from == null || count == null) {
      return null;
    }
    if (from < 1 || count < 0) {
      throw new IllegalArgumentException("22011: negative substring length not allowed");
    }
    int length = s.codePointCount(0, s.length());
    int head = Math.min(from - 1, length);
    long tailStart = Math.min((long) from - 1 + count, length);
    return s.substring(0, s.offsetByCodePoints(0, head))
        + t
        + s.substring(s.offsetByCodePoints(0, (int) tailStart));
  }

  public static Boolean startsWith(String s, String prefix) {
    return s == null || prefix == null ? null : s.startsWith(prefix);
  }

  /**
   * boolin: {@code t/true/y/yes/on/1} and {@code f/false/n/no/off/0}, any unique prefix of the
   * words, case and surrounding blanks ignored.
   */
  public static Boolean boolIn(String s) {
    if (s == null) {
      return null;
    }
    String v = s.strip().toLowerCase(Locale.ROOT);
    if (!v.isEmpty()) {
      if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("on") || v.equals("1")) {
        return true;
      }
      if ("false".startsWith(v)
          || "no".startsWith(v)
          || (v.length() >= 2 && "off".startsWith(v))
          || v.equals("0")) {
        return false;
      }
    }
    throw new IllegalArgumentException(
        "22P02: invalid input syntax for type boolean: \"" + s + "\"");
  }

  // ---- numeric

  /**
   * numeric division as PostgreSQL's numeric_div: the quotient rounded (half away from zero) to
   * select_div_scale's scale, at least 16 significant digits and no fewer decimals than either
   * operand's.
   */
  public static BigDecimal numericDiv(BigDecimal a, BigDecimal b) {
    if (a == null || b == null) {
      return null;
    }
    if (b.signum() == 0) {
      throw new IllegalArgumentException("22012: division by zero");
    }
    int qweight = weight(a) - weight(b);
    if (firstDigit(a) <= firstDigit(b)) {
      qweight--;
    }
    int scale = 16 - qweight * 4;
    scale = Math.max(scale, Math.max(a.scale(), 0));
    scale = Math.max(scale, Math.max(b.scale(), 0));
    scale = Math.min(scale, 1000);
    return a.divide(b, scale, RoundingMode.HALF_UP);
  }

  /**
   * numeric {@code %} as PostgreSQL's numeric_mod: the remainder of the truncated quotient (the
   * dividend's sign), at the larger of the operands' scales. The engine's MOD answers in the
   * divisor's type ({@code 7.5 % 2} was 2).
   */
  public static BigDecimal numericMod(BigDecimal a, BigDecimal b) {
    if (a == null || b == null) {
      return null;
    }
    if (b.signum() == 0) {
      throw new IllegalArgumentException("22012: division by zero");
    }
    BigDecimal r = a.remainder(b);
    int scale = Math.max(Math.max(a.scale(), b.scale()), 0);
    return r.scale() < scale ? r.setScale(scale) : r;
  }

  /**
   * {@code div(a, b)}: the quotient truncated towards zero, scale 0 (PostgreSQL's
   * numeric_div_trunc).
   */
  public static BigDecimal numericDivTrunc(BigDecimal a, BigDecimal b) {
    if (a == null || b == null) {
      return null;
    }
    if (b.signum() == 0) {
      throw new IllegalArgumentException("22012: division by zero");
    }
    return a.divideToIntegralValue(b).setScale(0, RoundingMode.DOWN);
  }

  /**
   * {@code round(x)} of a float8: C's rint, half to even (2.5 is 2), where the engine's ROUND
   * rounds half up.
   */
  public static Double float8Round(Double x) {
    return x == null ? null : Math.rint(x);
  }

  /** The weight of the first non-zero base-10000 digit (0 for zero). */
  private static int weight(BigDecimal v) {
    if (v.signum() == 0) {
      return 0;
    }
    int exponent = v.precision() - v.scale() - 1; // of the leading decimal digit
    return Math.floorDiv(exponent, 4);
  }

  private static int firstDigit(BigDecimal v) {
    if (v.signum() == 0) {
      return 0;
    }
    return v.abs().movePointLeft(4 * weight(v)).setScale(0, RoundingMode.DOWN).intValueExact();
  }

  /** {@code width_bucket(operand, low, high, count)}, as PostgreSQL's numeric/float8 versions. */
  public static Integer widthBucket(
      BigDecimal operand, BigDecimal low, BigDecimal high, Integer count) {
    if (operand == null || low == null || high == null || count == null) {
      return null;
    }
    if (count <= 0) {
      throw new IllegalArgumentException("2201G: count must be greater than zero");
    }
    int cmp = low.compareTo(high);
    if (cmp == 0) {
      throw new IllegalArgumentException("2201G: lower bound cannot equal upper bound");
    }
    BigDecimal n = BigDecimal.valueOf(count);
    if (cmp < 0) {
      if (operand.compareTo(low) < 0) {
        return 0;
      }
      if (operand.compareTo(high) >= 0) {
        return Math.addExact(count, 1);
      }
      return operand
              .subtract(low)
              .multiply(n)
              .divide(high.subtract(low), 0, RoundingMode.FLOOR)
              .intValue()
          + 1;
    }
    if (operand.compareTo(low) > 0) {
      return 0;
    }
    if (operand.compareTo(high) <= 0) {
      return Math.addExact(count, 1);
    }
    return low.subtract(operand)
            .multiply(n)
            .divide(low.subtract(high), 0, RoundingMode.FLOOR)
            .intValue()
        + 1;
  }

  /**
   * {@code to_number(text, format)} for the common patterns: digits {@code 9} and {@code 0}, the
   * decimal point {@code .} or {@code D}, group separators {@code ,} or {@code G} (skipped), a sign
   * {@code S}, {@code MI} or {@code PL} anywhere, a leading minus, and {@code FM}.
   */
  public static BigDecimal toNumber(String text, String format) {
    if (text == null || format == null) {
      return null;
    }
    String f = format.toUpperCase(Locale.ROOT);
    int point = Math.max(f.indexOf('.'), f.indexOf('D'));
    int decimals = 0;
    if (point >= 0) {
      for (int i = point + 1; i < f.length(); i++) {
        if (f.charAt(i) == '9' || f.charAt(i) == '0') {
          decimals++;
        }
      }
    }
    StringBuilder digits = new StringBuilder();
    boolean negative = false;
    boolean seenPoint = false;
    int fraction = 0;
    for (char c : text.toCharArray()) {
      if (Character.isDigit(c)) {
        if (seenPoint) {
          if (fraction >= decimals) {
            continue;
          }
          fraction++;
        }
        digits.append(c);
      } else if (c == '.' && point >= 0 && !seenPoint) {
        seenPoint = true;
      } else if (c == '-' || c == '<') {
        negative = true;
      }
    }
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("22P02: invalid input syntax for type numeric: \" \"");
    }
    BigDecimal v = new BigDecimal(new BigInteger(digits.toString()), fraction);
    return negative ? v.negate() : v;
  }

  // ---- date and time

  /** {@code make_interval(years, months, weeks, days, hours, mins, secs)}, as interval text. */
  public static String makeInterval(
      Integer years,
      Integer months,
      Integer weeks,
      Integer days,
      Integer hours,
      Integer mins,
      BigDecimal secs) {
    if (years == null
        || months == null
        || weeks == null
        || days == null
        || hours == null
        || mins == null
        || secs == null) {
      return null;
    }
    try {
      long micros =
          Math.addExact(
              Math.multiplyExact((long) hours, MICROS_PER_HOUR) + mins * 60_000_000L,
              secs.movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
      return new PgInterval(
              Math.addExact(Math.multiplyExact(years, 12), months),
              Math.addExact(Math.multiplyExact(weeks, 7), days),
              micros)
          .toString();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("22008: interval out of range");
    }
  }

  /** 24-hour periods of the time part become days. */
  public static String justifyHours(Interval v) {
    return v == null ? null : justifyHours(PgInterval.of(v)).toString();
  }

  /** 30-day periods become months. */
  public static String justifyDays(Interval v) {
    return v == null ? null : justifyDays(PgInterval.of(v)).toString();
  }

  /** Both, with the signs of the parts made to agree. */
  public static String justifyInterval(Interval v) {
    if (v == null) {
      return null;
    }
    PgInterval i = PgInterval.of(v);
    int months = i.months();
    long days = i.days() + i.micros() / MICROS_PER_DAY;
    long micros = i.micros() % MICROS_PER_DAY;
    months += (int) (days / 30);
    days %= 30;
    if (months > 0 && (days < 0 || (days == 0 && micros < 0))) {
      days += 30;
      months--;
    } else if (months < 0 && (days > 0 || (days == 0 && micros > 0))) {
      days -= 30;
      months++;
    }
    if (days > 0 && micros < 0) {
      micros += MICROS_PER_DAY;
      days--;
    } else if (days < 0 && micros > 0) {
      micros -= MICROS_PER_DAY;
      days++;
    }
    return new PgInterval(months, (int) days, micros).toString();
  }

  static PgInterval justifyHours(PgInterval i) {
    long days = i.days() + i.micros() / MICROS_PER_DAY;
    long micros = i.micros() % MICROS_PER_DAY;
    if (days > 0 && micros < 0) {
      micros += MICROS_PER_DAY;
      days--;
    } else if (days < 0 && micros > 0) {
      micros -= MICROS_PER_DAY;
      days++;
    }
    return new PgInterval(i.months(), Math.toIntExact(days), micros);
  }

  static PgInterval justifyDays(PgInterval i) {
    int months = i.months() + i.days() / 30;
    int days = i.days() % 30;
    if (days > 0 && months < 0) {
      days -= 30;
      months++;
    } else if (days < 0 && months > 0) {
      days += 30;
      months--;
    }
    return new PgInterval(months, days, i.micros());
  }

  /** {@code to_timestamp(double precision)}: seconds since 1970-01-01 00:00:00+00. */
  public static OffsetDateTime toTimestamp(BigDecimal seconds) {
    if (seconds == null) {
      return null;
    }
    long micros = seconds.movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValue();
    return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)
        .atOffset(ZoneOffset.UTC);
  }

  /** {@code timestamptz AT TIME ZONE zone}: the wall-clock time in the zone, without zone. */
  public static LocalDateTime timezoneTz(String zone, OffsetDateTime t) {
    if (zone == null || t == null) {
      return null;
    }
    return t.atZoneSameInstant(zone(zone)).toLocalDateTime();
  }

  /** {@code timestamp AT TIME ZONE zone}: the instant whose wall-clock time in the zone it is. */
  public static OffsetDateTime timezoneLocal(String zone, LocalDateTime t) {
    if (zone == null || t == null) {
      return null;
    }
    return t.atZone(zone(zone)).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static ZoneId zone(String name) {
    String n = name.strip();
    String upper = n.toUpperCase(Locale.ROOT);
    if (upper.equals("UTC") || upper.equals("GMT") || upper.equals("Z") || upper.equals("ZULU")) {
      return ZoneOffset.UTC;
    }
    try {
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(n)) {
          return ZoneId.of(id);
        }
      }
      return ZoneId.of(n);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("22023: time zone \"" + name + "\" not recognized");
    }
  }

  /** The current time, read anew at each call. */
  public static OffsetDateTime clockTimestamp() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static final DateTimeFormatter TIMEOFDAY =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSS yyyy", Locale.ROOT);

  /** {@code timeofday()}: the current time as text, {@code Mon Jan 01 00:00:00.123456 2024 UTC}. */
  public static String timeofday() {
    return OffsetDateTime.now(ZoneOffset.UTC).format(TIMEOFDAY) + " UTC";
  }

  /**
   * {@code generate_series(start, stop, step)} over timestamps, as an array the dialect unnests.
   */
  public static LocalDateTime[] generateSeries(
      LocalDateTime start, LocalDateTime stop, Interval step) {
    if (start == null || stop == null || step == null) {
      return null;
    }
    PgInterval s = PgInterval.of(step);
    if (s.months() == 0 && s.days() == 0 && s.micros() == 0) {
      throw new IllegalArgumentException("22023: step size cannot equal zero");
    }
    boolean up =
        s.months() > 0 || (s.months() == 0 && (s.days() > 0 || (s.days() == 0 && s.micros() > 0)));
    List<LocalDateTime> out = new ArrayList<>();
    for (long n = 0; ; n++) {
      LocalDateTime t =
          start.plusMonths(n * s.months()).plusDays(n * s.days()).plusNanos(n * s.micros() * 1000);
      if (up ? t.isAfter(stop) : t.isBefore(stop)) {
        break;
      }
      if (out.size() >= MAX_SERIES) {
        throw new IllegalArgumentException(
            "54000: generate_series over timestamps is limited to "
                + MAX_SERIES
                + " rows in distdb");
      }
      out.add(t);
    }
    return out.toArray(LocalDateTime[]::new);
  }

  // ---- types

  /** {@code pg_typeof(x)}: PostgreSQL's name of the engine's type of x. */
  public static String pgTypeof(Value v) {
    if (v == null) {
      return "unknown";
    }
    return typeName(v.getType());
  }

  static String typeName(org.h2.value.TypeInfo t) {
    return switch (t.getValueType()) {
      case Value.NULL -> "unknown";
      case Value.BOOLEAN -> "boolean";
      case Value.TINYINT, Value.SMALLINT -> "smallint";
      case Value.INTEGER -> "integer";
      case Value.BIGINT -> "bigint";
      case Value.NUMERIC, Value.DECFLOAT -> "numeric";
      case Value.REAL -> "real";
      case Value.DOUBLE -> "double precision";
      case Value.CHAR -> "character";
      case Value.VARCHAR, Value.VARCHAR_IGNORECASE, Value.CLOB -> "text";
      case Value.BINARY, Value.VARBINARY, Value.BLOB -> "bytea";
      case Value.DATE -> "date";
      case Value.TIME -> "time without time zone";
      case Value.TIME_TZ -> "time with time zone";
      case Value.TIMESTAMP -> "timestamp without time zone";
      case Value.TIMESTAMP_TZ -> "timestamp with time zone";
      case Value.UUID -> "uuid";
      case Value.JSON -> t.getPrecision() == 999_999_999L ? "json" : "jsonb";
      case Value.ARRAY -> {
        org.h2.value.TypeInfo element = (org.h2.value.TypeInfo) t.getExtTypeInfo();
        yield element == null ? "text[]" : typeName(element) + "[]";
      }
      default -> {
        if (t.getValueType() >= Value.INTERVAL_YEAR
            && t.getValueType() <= Value.INTERVAL_MINUTE_TO_SECOND) {
          yield "interval";
        }
        yield "unknown";
      }
    };
  }
}
