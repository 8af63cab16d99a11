package io.distdb.node.pgwire;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without a logback-test.xml logback logs everything at DEBUG; the server tests want INFO. */
final class QuietLogging {

  private QuietLogging() {}

  static void apply() {
    Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger) {
      ((ch.qos.logback.classic.Logger) root).setLevel(Level.INFO);
    }
  }
}
