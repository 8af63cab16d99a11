package io.distdb.node.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a log directory and brings it to a consistent state.
 *
 * <p>Rules (see DESIGN.md): every record's CRC is verified and LSNs must be contiguous across all
 * segments. A bad record in the <em>last</em> segment is the torn tail of an interrupted write: the
 * file is cut there and everything before it is kept. A bad record in any earlier segment cannot be
 * a torn write, because a segment is fsynced before the next one is created, so it is real
 * corruption of committed data and opening fails instead of silently dropping it.
 */
final class LogRecovery {

  private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);

  /** Recovered segments in LSN order; the last one is open for appending. */
  record Result(List<Segment> segments, long lastLsn) {}

  private LogRecovery() {}

  static Result recover(Path dir) throws IOException {
    finishInterruptedReset(dir);
    TreeMap<Long, Path> files = listSegments(dir);
    List<Segment> segments = new ArrayList<>();
    if (files.isEmpty()) {
      segments.add(Segment.create(dir, 1));
      LogDirectory.sync(dir);
      return new Result(segments, 0);
    }
    long lastLsn = -1;
    for (var it = files.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      Segment s = recoverSegment(dir, e.getValue(), e.getKey(), lastLsn, !it.hasNext());
      segments.add(s);
      lastLsn = s.lastLsn();
    }
    return new Result(segments, lastLsn);
  }

  private static TreeMap<Long, Path> listSegments(Path dir) throws IOException {
    TreeMap<Long, Path> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String name = p.getFileName().toString();
        long base = Segment.parseFileName(name);
        if (base > 0 && Files.isRegularFile(p)) {
          files.put(base, p);
        } else if (!name.equals(LogDirectory.LOCK_FILE)) {
          throw new IOException(
              "unexpected file "
                  + p
                  + " in log directory; refusing to open a "
                  + "directory that holds something other than log segments");
        }
      }
    }
    return files;
  }

  private static Segment recoverSegment(
      Path dir, Path path, long nameLsn, long prevLastLsn, boolean last) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long fileSize = ch.size();
      if (fileSize < RecordCodec.SEGMENT_HEADER_BYTES) {
        if (!last) {
          throw new IOException("segment " + path + " is truncated inside its header");
        }
        // Crash while rolling over: the new segment never got a complete header, so it never
        // held a record. Recreate it empty.
        log.atWarn()
            .addKeyValue("file", path)
            .addKeyValue("offset", 0)
            .log("recreating log segment with a torn header");
        Files.delete(path);
        checkContiguous(path, nameLsn, prevLastLsn);
        Segment fresh = Segment.create(dir, nameLsn);
        LogDirectory.sync(dir);
        return fresh;
      }
      ByteBuffer header = ByteBuffer.allocate(RecordCodec.SEGMENT_HEADER_BYTES);
      RecordCodec.readFully(ch, header, 0);
      long base = RecordCodec.decodeSegmentHeader(header.flip(), path.toString());
      if (base != nameLsn) {
        throw new IOException("segment " + path + " claims first LSN " + base);
      }
      checkContiguous(path, base, prevLastLsn);

      long offset = RecordCodec.SEGMENT_HEADER_BYTES;
      long expected = base;
      while (true) {
        RecordCodec.Read r = RecordCodec.read(ch, offset, fileSize);
        String problem = r.problem();
        if (r.status() == RecordCodec.Status.OK && r.entry().lsn() != expected) {
          problem = "unexpected LSN " + r.entry().lsn() + ", expected " + expected;
        } else if (r.status() == RecordCodec.Status.OK) {
          offset = r.nextOffset();
          expected++;
          continue;
        }
        if (r.status() == RecordCodec.Status.END) {
          break;
        }
        if (!last) {
          throw new IOException(
              "corrupt log record in "
                  + path
                  + " at offset "
                  + offset
                  + ": "
                  + problem
                  + " (not the last segment, so this is committed data; refusing to open)");
        }
        if (RecordCodec.isZeroFilled(r)) {
          // The space a segment is written into ahead of its records (Segment.PREALLOCATE_BYTES).
          log.atDebug().addKeyValue("file", path).log("preallocated tail cut off");
          break;
        }
        log.atWarn()
            .addKeyValue("file", path)
            .addKeyValue("offset", offset)
            .addKeyValue("reason", problem)
            .addKeyValue("droppedBytes", fileSize - offset)
            .log("truncated torn record at the tail of the log");
        break;
      }
      return last
          ? Segment.openActive(path, base, offset, expected - 1)
          : Segment.sealed(path, base, offset, expected - 1);
    }
  }

  private static void checkContiguous(Path path, long base, long prevLastLsn) throws IOException {
    if (prevLastLsn >= 0 && base != prevLastLsn + 1) {
      throw new IOException(
          "log segment "
              + path
              + " starts at LSN "
              + base
              + " but the previous segment ends at LSN "
              + prevLastLsn
              + " (missing or extra data)");
    }
  }

  /**
   * A reset writes the new first segment as {@code <name>.log.tmp}, fsyncs it, deletes the old
   * segments and renames it. If we crashed in between: a complete temp file means the reset was
   * decided, so finish it; an incomplete one means nothing was deleted yet, so drop it.
   */
  private static void finishInterruptedReset(Path dir) throws IOException {
    List<Path> temps;
    try (Stream<Path> list = Files.list(dir)) {
      temps =
          list.filter(p -> p.getFileName().toString().endsWith(".log" + LogDirectory.RESET_SUFFIX))
              .toList();
    }
    for (Path tmp : temps) {
      String name = tmp.getFileName().toString();
      String target = name.substring(0, name.length() - LogDirectory.RESET_SUFFIX.length());
      boolean complete = isCompleteHeader(tmp, Segment.parseFileName(target));
      if (!complete) {
        log.atWarn().addKeyValue("file", tmp).log("discarding incomplete log reset");
        Files.delete(tmp);
        continue;
      }
      log.atWarn().addKeyValue("file", tmp).log("completing interrupted log reset");
      LogDirectory.commitReset(dir, tmp, true);
    }
  }

  private static boolean isCompleteHeader(Path file, long expectedBase) throws IOException {
    if (expectedBase <= 0 || Files.size(file) != RecordCodec.SEGMENT_HEADER_BYTES) {
      return false;
    }
    try {
      ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file));
      return RecordCodec.decodeSegmentHeader(header, file.toString()) == expectedBase;
    } catch (IOException e) {
      return false;
    }
  }
}
