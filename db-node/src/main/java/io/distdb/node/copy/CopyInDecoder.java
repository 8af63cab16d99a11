package io.distdb.node.copy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the bytes of {@code COPY ... FROM STDIN} into rows as they arrive. CopyData messages cut
 * the stream anywhere (mid-line, mid-character), so only the unfinished line is kept: memory is one
 * line, whatever the input's size. Lines end at {@code \n} or {@code \r\n} outside CSV quotes and
 * not after a text-format backslash; a line {@code \.} ends the data, as in PostgreSQL.
 */
public final class CopyInDecoder {

  private final CopyOptions options;
  private final List<String> columnNames;
  private final String relation;
  private final LineSplitter splitter;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] pending = new byte[8192];
  private int length;
  private int scanned;
  private boolean inQuote;
  private long line;
  private boolean ended;

  /**
   * @param columnNames the target columns in input order, for field counts and error messages
   * @param relation the table's name in CONTEXT lines
   */
  public CopyInDecoder(CopyOptions options, List<String> columnNames, String relation) {
    this.options = options;
    this.columnNames = List.copyOf(columnNames);
    this.relation = relation;
    this.splitter = new LineSplitter(options);
  }

  /** The rows the input completes, in order; a partial last line waits for more data. */
  public List<CopyRow> feed(byte[] data) throws CopyException {
    if (ended) {
      return List.of(); // After \. PostgreSQL ignores the rest of the stream.
    }
    append(data);
    List<CopyRow> rows = new ArrayList<>();
    int lineStart = 0;
    for (int i = scanned; i < length; i++) {
      byte b = pending[i];
      if (options.csv()) {
        if (inQuote && b == options.escape() && options.escape() != options.quote()) {
          if (i + 1 >= length) {
            break; // the escaped byte is in the next chunk
          }
          i++;
        } else if (b == options.quote()) {
          inQuote = !inQuote;
        } else if (b == '\n' && !inQuote) {
          if (lineDone(lineStart, i, rows)) {
            return rows;
          }
          lineStart = i + 1;
        }
      } else if (b == '\\') {
        if (i + 1 >= length) {
          break;
        }
        i++;
      } else if (b == '\n') {
        if (lineDone(lineStart, i, rows)) {
          return rows;
        }
        lineStart = i + 1;
      }
      scanned = i + 1;
    }
    compact(lineStart);
    return rows;
  }

  /** The end of the input (CopyDone): a last line without a newline still counts. */
  public List<CopyRow> finish() throws CopyException {
    List<CopyRow> rows = new ArrayList<>();
    if (ended || length == 0) {
      return rows;
    }
    if (options.csv() && inQuote) {
      line++;
      throw new CopyException(CopyException.BAD_COPY_FORMAT, "unterminated CSV quoted field")
          .at(lineContext(decode(0, length)));
    }
    lineDone(0, length, rows);
    length = 0;
    return rows;
  }

  /** Lines read so far, header included. */
  public long lines() {
    return line;
  }

  /** Handles the line {@code [start, end)}; true once the end-of-data marker was read. */
  private boolean lineDone(int start, int end, List<CopyRow> rows) throws CopyException {
    int stop = end > start && pending[end - 1] == '\r' ? end - 1 : end;
    line++;
    String text = decode(start, stop);
    if (text.equals("\\.")) {
      ended = true;
      length = 0;
      scanned = 0;
      return true;
    }
    List<String> fields = splitter.split(text);
    if (fields == null) {
      throw new CopyException(CopyException.BAD_COPY_FORMAT, "unterminated CSV quoted field")
          .at(lineContext(text));
    }
    if (line == 1 && options.header()) {
      checkHeader(fields, text);
      return false;
    }
    if (fields.size() < columnNames.size()) {
      throw new CopyException(
              CopyException.BAD_COPY_FORMAT,
              "missing data for column \"" + columnNames.get(fields.size()) + "\"")
          .at(lineContext(text));
    }
    if (fields.size() > columnNames.size()) {
      throw new CopyException(
              CopyException.BAD_COPY_FORMAT, "extra data after last expected column")
          .at(lineContext(text));
    }
    rows.add(new CopyRow(line, fields.toArray(new String[0])));
    return false;
  }

  private void checkHeader(List<String> fields, String text) throws CopyException {
    if (!options.headerMatch()) {
      return;
    }
    if (fields.size() != columnNames.size()) {
      throw new CopyException(
              CopyException.BAD_COPY_FORMAT,
              "wrong number of fields in header line: got "
                  + fields.size()
                  + ", expected "
                  + columnNames.size())
          .at(lineContext(text));
    }
    for (int i = 0; i < fields.size(); i++) {
      if (!columnNames.get(i).equals(fields.get(i))) {
        throw new CopyException(
                CopyException.BAD_COPY_FORMAT,
                "column name mismatch in header line field "
                    + (i + 1)
                    + ": got \""
                    + fields.get(i)
                    + "\", expected \""
                    + columnNames.get(i)
                    + "\"")
            .at(lineContext(text));
      }
    }
  }

  /** {@code COPY t, line 3: "the line"}, the line cut at 100 characters as PostgreSQL does. */
  private String lineContext(String text) {
    String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
    return "COPY " + relation + ", line " + line + ": \"" + shown + "\"";
  }

  /** {@code COPY t, line 3, column a: "abc"}: where a field failed its column's type. */
  public String fieldContext(long atLine, int column, String value) {
    String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
    return "COPY "
        + relation
        + ", line "
        + atLine
        + ", column "
        + columnNames.get(column)
        + ": \""
        + shown
        + "\"";
  }

  /** {@code COPY t, line 3}: where a row failed a constraint. */
  public String rowContext(long atLine) {
    return "COPY " + relation + ", line " + atLine;
  }

  private String decode(int start, int end) throws CopyException {
    try {
      CharBuffer chars = utf8.decode(ByteBuffer.wrap(pending, start, end - start));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new CopyException("22021", "invalid byte sequence for encoding \"UTF8\"")
          .at("COPY " + relation + ", line " + line);
    }
  }

  private void append(byte[] data) {
    if (length + data.length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + data.length));
    }
    System.arraycopy(data, 0, pending, length, data.length);
    length += data.length;
  }

  /** Drops the finished lines before {@code lineStart}; the unfinished one moves to the front. */
  private void compact(int lineStart) {
    if (lineStart == 0) {
      return;
    }
    System.arraycopy(pending, lineStart, pending, 0, length - lineStart);
    length -= lineStart;
    scanned -= lineStart;
  }
}
