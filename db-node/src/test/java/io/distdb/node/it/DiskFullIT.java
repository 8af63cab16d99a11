package io.distdb.node.it;

import static io.distdb.node.it.PgJdbcIT.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory on a small disk of its own (a tmpfs the test mounts, so it needs root): when the
 * disk fills, writes fail with 53100 while reads go on; once space is freed, writes resume without
 * a restart, and every acknowledged row is there, also after kill -9.
 */
class DiskFullIT {

  private static final long RESERVE = 8L << 20;

  @TempDir Path dir;
  private Path disk;
  private boolean mounted;

  private void mountSmallDisk() throws Exception {
    disk = dir.resolve("disk");
    Files.createDirectories(disk);
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", disk.toString())
            .redirectErrorStream(true)
            .start();
    mounted = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    assumeTrue(
        mounted,
        "cannot mount a tmpfs here (needs root): " + new String(p.getInputStream().readAllBytes()));
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void writesStopWithDiskFullAndResumeOnceSpaceIsFreed() throws Exception {
    mountSmallDisk();
    Path filler = disk.resolve("filler");
    Path data = disk.resolve("node");
    List<Integer> acknowledged = new ArrayList<>();
    String row = "x".repeat(100_000);
    try (NodeProcess node =
        new NodeProcess(
                data,
                "--min-free-bytes",
                String.valueOf(RESERVE),
                "--log-segment-bytes",
                String.valueOf(4L << 20))
            .start()) {
      // Most of the disk goes to something else, as it would on a shared volume.
      Files.write(filler, new byte[48 << 20]);
      try (Connection c = InProcessNode.connect(node.pgPort(), "distdb");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
        String refusal = null;
        for (int i = 0; i < 2_000 && refusal == null; i++) {
          try {
            s.execute("INSERT INTO t VALUES (" + i + ", '" + row + "')");
            acknowledged.add(i);
          } catch (SQLException e) {
            refusal = e.getSQLState();
          }
        }
        assertThat(refusal).isEqualTo("53100");
        assertThat(acknowledged).isNotEmpty();
        // Reads are unaffected.
        assertThat(column(s.executeQuery("SELECT count(*) FROM t")))
            .containsExactly(String.valueOf(acknowledged.size()));

        Files.delete(filler);
        // Writes resume by themselves once the free space is read again (within 100 ms).
        int next = acknowledged.size();
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(
                () -> {
                  s.execute("INSERT INTO t VALUES (" + next + ", 'after')");
                  return true;
                });
        acknowledged.add(next);
      }
      node.kill();
    }
    try (NodeProcess node = new NodeProcess(data, "--min-free-bytes", "0").start();
        Connection c = InProcessNode.connect(node.pgPort(), "distdb");
        Statement s = c.createStatement()) {
      assertThat(column(s.executeQuery("SELECT id FROM t ORDER BY id")))
          .containsExactlyElementsOf(acknowledged.stream().map(String::valueOf).toList());
    }
  }
}
