package io.distdb.node.copy;

/**
 * How COPY lays rows out as text, with PostgreSQL's defaults per format: text (tab, {@code \N},
 * backslash escapes) or CSV (comma, empty string for NULL, double quotes).
 *
 * @param csv CSV rather than PostgreSQL's text format
 * @param delimiter the one-byte character between fields
 * @param nullString what stands for NULL
 * @param quote CSV's quote character
 * @param escape CSV's escape character inside quotes (the quote itself by default)
 * @param header the first line holds column names (skipped on input, written on output)
 * @param headerMatch on input, the header's names must equal the columns' ({@code HEADER MATCH})
 * @param binary the client sends PostgreSQL's binary COPY format (see {@link #BINARY})
 */
public record CopyOptions(
    boolean csv,
    char delimiter,
    String nullString,
    char quote,
    char escape,
    boolean header,
    boolean headerMatch,
    boolean binary) {

  public static final CopyOptions TEXT =
      new CopyOptions(false, '\t', "\\N", '"', '"', false, false);

  /**
   * {@code FORMAT binary}, COPY FROM only: the protocol layer hands the rows on as text-format
   * lines, which these options read.
   */
  public static final CopyOptions BINARY =
      new CopyOptions(false, '\t', "\\N", '"', '"', false, false, true);

  public CopyOptions(
      boolean csv,
      char delimiter,
      String nullString,
      char quote,
      char escape,
      boolean header,
      boolean headerMatch) {
    this(csv, delimiter, nullString, quote, escape, header, headerMatch, false);
  }

  public static final CopyOptions CSV = new CopyOptions(true, ',', "", '"', '"', false, false);

  /** PostgreSQL's format code in CopyInResponse / CopyOutResponse: 0 text (and CSV), 1 binary. */
  public int formatCode() {
    return binary ? 1 : 0;
  }
}
