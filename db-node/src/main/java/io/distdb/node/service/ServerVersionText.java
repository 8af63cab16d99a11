package io.distdb.node.service;

/**
 * What {@code version()} answers: PostgreSQL's format ({@code PostgreSQL 15.0 on
 * x86_64-pc-linux-gnu, compiled by ...}), naming distdb and the JVM in place of the C compiler, so
 * that clients parsing the version (ORMs' dialect detection, psql) see a PostgreSQL 15.
 */
final class ServerVersionText {

  private ServerVersionText() {}

  /**
   * @param serverVersion what the node announces as server_version, e.g. {@code 15.0 (distdb)}
   */
  static String of(String serverVersion) {
    String arch = System.getProperty("os.arch", "x86_64");
    String platform =
        arch.equals("amd64") || arch.equals("x86_64")
            ? "x86_64-pc-linux-gnu"
            : arch + "-unknown-linux-gnu";
    return "PostgreSQL " + serverVersion + " on " + platform + ", compiled by javac 17, 64-bit";
  }
}
