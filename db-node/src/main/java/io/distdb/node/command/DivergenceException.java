package io.distdb.node.command;

import java.sql.SQLException;

/** Applying an entry found storage in a state the master's log does not lead to. */
final class DivergenceException extends SQLException {
  DivergenceException(String message) {
    super(message);
  }
}
