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
 */
public record CopyOptions(
    boolean csv,
    char delimiter,
    String nullString,
    char quote,
    char escape,
    boolean header,
    boolean headerMatch) {

  public static final CopyOptions TEXT =
      new CopyOptions(false, '\t', "\\N", '"', '"', false, false);

  public static final CopyOptions CSV = new CopyOptions(true, ',', "", '"', '"', false, false);

  /** PostgreSQL's format code in CopyInResponse / CopyOutResponse: 0 text (both text and CSV). */
  public int formatCode() {
    return 0;
  }
}
