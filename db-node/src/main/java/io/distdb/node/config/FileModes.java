package io.distdb.node.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only modes for everything under the data directory (directories 0700, files 0600), whatever
 * the process umask: the log and the databases hold every row, and H2's files are created by the
 * engine with the umask's mode. Files the node creates itself get 0600 at creation ({@link
 * #OWNER_ONLY_FILE}); {@link #restrictTree} tightens whatever else appeared, and runs at start and
 * then periodically. In between, the 0700 directories already keep other users out.
 */
public final class FileModes {

  private static final Logger log = LoggerFactory.getLogger(FileModes.class);

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  /** For {@code Files.createFile}: mode 0600 from the first moment. Empty where not POSIX. */
  public static final FileAttribute<?>[] OWNER_ONLY_FILE =
      POSIX
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
          : new FileAttribute<?>[0];

  private FileModes() {}

  /** Sets 0700 on {@code root} and every directory below it, 0600 on every file. */
  public static void restrictTree(Path root) {
    if (!POSIX || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              set(dir, DIRECTORY);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                set(file, FILE);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              // A temporary file the engine removed meanwhile.
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      log.atWarn().log("cannot restrict file modes under {}: {}", root, e.toString());
    }
  }

  private static void set(Path path, Set<PosixFilePermission> mode) {
    try {
      if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
        Files.setPosixFilePermissions(path, mode);
      }
    } catch (IOException e) {
      // Gone meanwhile (a temporary file), or not ours: the next pass tries again.
    }
  }
}
