package io.distdb.node.dialect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translated statements by their client text, least recently used first out. Shared by all sessions
 * of a node: a translation depends only on the text (those that read the schema are not stored, but
 * those that read only column types are, keyed by the catalog's version and the text), so a
 * statement an application prepares on every connection is parsed once.
 */
final class StatementCache {

  /** Longer texts (bulk INSERTs with literal values) are rarely repeated: not worth the memory. */
  static final int MAX_TEXT_LENGTH = 4096;

  private final Map<String, EngineStatement> entries;

  StatementCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, EngineStatement> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized EngineStatement get(String sql) {
    return entries.get(sql);
  }

  synchronized void put(String sql, EngineStatement statement) {
    if (sql.length() <= MAX_TEXT_LENGTH) {
      entries.put(sql, statement);
    }
  }

  synchronized int size() {
    return entries.size();
  }
}
