package io.distdb.node.storage.undo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The durable half of a {@link SchemaUndo}: one file per database ({@code undo.journal} in its
 * directory) holding what undo needs after a crash. Every version is written whole to a temporary
 * file, fsynced and renamed over the old one, so a crash leaves either the previous version or the
 * new one. Records are lines of tab-separated fields, each field Base64 (statement texts hold tabs
 * and newlines).
 */
final class UndoJournal {

  static final String FILE = "undo.journal";

  private final Path file;

  UndoJournal(Path databaseDirectory) {
    this.file = databaseDirectory.resolve(FILE);
  }

  boolean exists() {
    return Files.exists(file);
  }

  void write(List<String[]> records) throws IOException {
    StringBuilder text = new StringBuilder();
    Base64.Encoder b64 = Base64.getEncoder();
    for (String[] r : records) {
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          text.append('\t');
        }
        text.append(b64.encodeToString(r[i].getBytes(StandardCharsets.UTF_8)));
      }
      text.append('\n');
    }
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory();
  }

  List<String[]> read() throws IOException {
    List<String[]> out = new ArrayList<>();
    Base64.Decoder b64 = Base64.getDecoder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      for (int i = 0; i < fields.length; i++) {
        fields[i] = new String(b64.decode(fields[i]), StandardCharsets.UTF_8);
      }
      out.add(fields);
    }
    return out;
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
    syncDirectory();
  }

  private void syncDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the rename is still atomic there.
    }
  }
}
