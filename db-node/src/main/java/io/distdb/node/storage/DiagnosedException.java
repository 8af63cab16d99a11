package io.distdb.node.storage;

import java.sql.SQLException;

/**
 * An engine error whose PostgreSQL form was completed with what only the failed statement's
 * connection could tell (the table a check constraint belongs to, the failing row): {@link
 * H2ErrorTranslator} answers {@link #translated()} for it. Keeps the engine's code and state, so
 * code that inspects those sees the original error.
 */
public final class DiagnosedException extends SQLException {

  private static final long serialVersionUID = 1L;

  private final transient TranslatedError translated;

  public DiagnosedException(TranslatedError translated, SQLException engineError) {
    super(translated.message(), engineError.getSQLState(), engineError.getErrorCode(), engineError);
    this.translated = translated;
  }

  public TranslatedError translated() {
    return translated;
  }
}
