package io.distdb.packaging;

import java.nio.file.Path;

/** Paths in the repository that the packaging tests check. */
public final class RepoFiles {

  /** The operator's generated CRD (contract with the operator module). */
  public static final String GENERATED_CRD =
      "operator/target/classes/META-INF/fabric8/distributeddatabases.distdb.io-v1.yml";

  /** The operator's recorded permission list (contract with the operator module). */
  public static final String OPERATOR_PERMISSIONS =
      "operator/src/main/resources/io/distdb/operator/rbac/operator-permissions.yaml";

  private RepoFiles() {}

  public static Path root() {
    return Path.of(System.getProperty("distdb.repo.root", "..")).toAbsolutePath().normalize();
  }

  public static Path resolve(String relative) {
    return root().resolve(relative);
  }

  public static Path chart() {
    return resolve("helm/distdb");
  }
}
