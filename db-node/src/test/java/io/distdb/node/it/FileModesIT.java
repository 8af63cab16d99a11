package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node started under umask 000 still keeps its data owner-only: directories 0700, files 0600 (log
 * segments, H2 files), and H2 writes no trace file with the text of failed statements.
 */
class FileModesIT {

  @TempDir Path dir;

  /** Every path under {@code root} whose mode is not owner-only, with its mode. */
  private static Map<String, String> wrongModes(Path root) throws IOException {
    Map<String, String> wrong = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        try {
          String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
          String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
          if (!mode.equals(expected)) {
            wrong.put(root.relativize(p).toString(), mode);
          }
        } catch (java.nio.file.NoSuchFileException gone) {
          // A temporary file the engine removed meanwhile.
        }
      }
    }
    return wrong;
  }

  @Test
  void dataIsOwnerOnlyWhateverTheUmask() throws Exception {
    Path data = dir.resolve("data");
    try (NodeProcess node = new NodeProcess(data).heap("256m").umask("000").start()) {
      try (Connection c = InProcessNode.connect(node.pgPort(), "distdb");
          Statement s = c.createStatement()) {
        s.execute("create table t (id int primary key, secret text)");
        s.executeUpdate("insert into t values (1, 'x')");
        try {
          s.executeQuery("select no_such_column_with_a_literal_secret from t");
        } catch (SQLException expected) {
          // Failed SQL is what the trace file would have kept.
        }
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
          .isEqualTo("rwx------");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(wrongModes(data)).isEmpty());
      try (Stream<Path> paths = Files.walk(data)) {
        List<String> names = paths.map(p -> p.getFileName().toString()).toList();
        assertThat(names).anyMatch(n -> n.endsWith(".mv.db"));
        assertThat(names).noneMatch(n -> n.endsWith(".trace.db"));
      }
    }
  }
}
