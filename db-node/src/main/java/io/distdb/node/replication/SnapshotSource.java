package io.distdb.node.replication;

import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes snapshots on the master. Writes pause while the backups are taken, so every entry up to the
 * snapshot's LSN is in them and none after it.
 */
public final class SnapshotSource {

  private static final Logger log = LoggerFactory.getLogger(SnapshotSource.class);

  private final Storage storage;
  private final ReplicationLog replicationLog;
  private final WriteQuiescer quiescer;
  private final Path workDir;

  public SnapshotSource(
      Storage storage, ReplicationLog replicationLog, WriteQuiescer quiescer, Path workDir) {
    this.storage = storage;
    this.replicationLog = replicationLog;
    this.quiescer = quiescer;
    this.workDir = workDir;
  }

  public Snapshot create() throws Exception {
    Files.createDirectories(workDir);
    Path dir = Files.createTempDirectory(workDir, "snapshot-");
    Snapshot snapshot =
        quiescer.whileWritesPaused(
            () -> {
              long lsn = replicationLog.lastLsn();
              replicationLog.awaitDurable(lsn);
              Map<String, Path> files = new LinkedHashMap<>();
              for (String name : storage.names()) {
                Path zip = dir.resolve(name + ".zip");
                storage.backup(new DatabaseName(name), zip);
                files.put(name, zip);
              }
              return new Snapshot(lsn, dir, files);
            });
    log.atInfo()
        .addKeyValue("lsn", snapshot.lsn())
        .addKeyValue("bytes", snapshot.totalBytes())
        .addKeyValue("databases", snapshot.files().size())
        .log("snapshot taken");
    return snapshot;
  }
}
