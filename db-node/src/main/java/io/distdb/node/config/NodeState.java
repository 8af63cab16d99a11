package io.distdb.node.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory's own record ({@code node-state}): which format its log and databases are in,
 * the highest epoch this node has been part of, and the last checkpoint (the LSN up to which
 * storage held every log entry durably, so a restart replays only the log after it). Written
 * atomically (temporary file, fsync, rename, directory fsync), so a crash leaves the old record or
 * the new one.
 *
 * <p>Format 1 is stage 1 (statement replication), which had no such file; format 2 logs row changes
 * and stamps every entry with its epoch. A stage-1 directory is migrated in place: its format-1 log
 * entries stay readable (they are replayed as statements), and every table gets its change-capture
 * trigger when the database is first opened. A directory from a newer distdb is refused.
 */
public final class NodeState {

  private static final Logger log = LoggerFactory.getLogger(NodeState.class);

  /** The data directory format this node writes. */
  public static final int FORMAT = 2;

  static final String FILE = "node-state";

  private final Path dir;
  private volatile long epoch;
  private volatile long checkpointLsn;

  private NodeState(Path dir, long epoch, long checkpointLsn) {
    this.dir = dir;
    this.epoch = epoch;
    this.checkpointLsn = checkpointLsn;
  }

  /**
   * Reads (or, for a new or stage-1 directory, creates) the record.
   *
   * @throws IllegalStateException for a directory written by a newer format
   */
  public static NodeState open(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      boolean stageOne = Files.exists(dir.resolve("log")) || Files.exists(dir.resolve("databases"));
      NodeState state = new NodeState(dir, 0, 0);
      state.write();
      if (stageOne) {
        log.atInfo()
            .addKeyValue("dataDir", dir)
            .log(
                "migrated data directory from format 1 (statement replication) to "
                    + FORMAT
                    + " (row changes): format-1 log entries stay readable");
      }
      return state;
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    int format = Integer.parseInt(p.getProperty("format", "0").trim());
    if (format > FORMAT) {
      throw new IllegalStateException(
          "data directory "
              + dir
              + " is in format "
              + format
              + ", written by a newer distdb; this node supports format "
              + FORMAT
              + " and older. Run a newer distdb on it.");
    }
    if (format < 2) {
      throw new IllegalStateException("data directory " + dir + " has a corrupt " + FILE);
    }
    return new NodeState(
        dir,
        Long.parseLong(p.getProperty("epoch", "0").trim()),
        Long.parseLong(p.getProperty("checkpoint", "0").trim()));
  }

  /** The highest epoch recorded. */
  public long epoch() {
    return epoch;
  }

  /** Records {@code seen} durably if it is higher than the recorded epoch. */
  public synchronized void advanceEpoch(long seen) throws IOException {
    if (seen > epoch) {
      epoch = seen;
      write();
    }
  }

  /**
   * The LSN up to which storage held every log entry durably when it was recorded (0: none). Only a
   * lower bound of what storage holds, so replaying from after it is always enough.
   */
  public long checkpointLsn() {
    return checkpointLsn;
  }

  /**
   * Records a checkpoint durably. It may go back: storage replaced by a snapshot holds exactly the
   * snapshot's LSN, and the log is reset to it.
   */
  public synchronized void recordCheckpoint(long lsn) throws IOException {
    if (lsn != checkpointLsn) {
      checkpointLsn = lsn;
      write();
    }
  }

  private void write() throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    String text = "format=" + FORMAT + "\nepoch=" + epoch + "\ncheckpoint=" + checkpointLsn + "\n";
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }
}
