package io.distdb.node.dialect;

import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/**
 * The state one statement's rewrites share: its parse tree, and what the rewrites decided about the
 * text H2 gets. Most rewrites edit the tree in place; the few H2 constructs JSqlParser cannot print
 * (MERGE from an upsert, data-change delta tables for RETURNING) are rendered as text around the
 * tree's own rendering.
 */
final class Translation {

  private final Statement tree;
  private final Schema schema;
  private String body;
  private String prefix = "";
  private String suffix = "";
  private boolean changed;
  private boolean cacheable = true;
  private boolean readsColumnTypes;
  private String describe;
  private final java.util.LinkedHashMap<String, String> substitutions =
      new java.util.LinkedHashMap<>();

  Translation(Statement tree, Schema schema) {
    this.tree = tree;
    this.schema = schema;
  }

  Statement tree() {
    return tree;
  }

  /** The engine's catalog, for rewrites that must know a table's columns or constraints. */
  Schema schema() {
    cacheable = false; // the answer depends on the schema, not only on the text
    return schema;
  }

  /**
   * The engine's catalog, for rewrites that read only column types ({@link
   * Schema#engineColumnTypes}): the translation stays cacheable under the catalog's version.
   */
  Schema columnTypes() {
    readsColumnTypes = true;
    return schema;
  }

  /** Whether the translation read column types (and so holds only for one catalog version). */
  boolean readsColumnTypes() {
    return readsColumnTypes;
  }

  /** Marks the statement as rewritten: H2 gets the rendering, not the client's text. */
  void changed() {
    changed = true;
  }

  boolean isChanged() {
    return changed;
  }

  boolean isCacheable() {
    return cacheable;
  }

  /** Replaces the tree's rendering with {@code sql} (a statement JSqlParser cannot represent). */
  void replaceBody(String sql) {
    body = sql;
    changed = true;
  }

  /** Wraps the statement: {@code prefix + body + suffix}. */
  void wrap(String prefix, String suffix) {
    this.prefix = prefix + this.prefix;
    this.suffix = this.suffix + suffix;
    changed = true;
  }

  /**
   * Names the statement H2 should describe the parameters of, when the rendering hides their
   * columns from H2's type inference (see {@link EngineStatement#describeSql()}).
   */
  void describeWith(String sql) {
    describe = sql;
  }

  /**
   * The statement to describe parameters with: one a rewrite named, else the body inside the
   * envelope of a delta table; null when the rendering describes itself.
   */
  String describeText() {
    if (describe != null) {
      return describe;
    }
    if (prefix.isEmpty() && suffix.isEmpty()) {
      return null;
    }
    return substituted(body != null ? body : tree.toString());
  }

  /**
   * Replaces {@code marker} by {@code text} in the rendering: for a subtree rendered as text
   * JSqlParser cannot represent. A later marker's text may hold an earlier one.
   */
  void substitute(String marker, String text) {
    substitutions.put(marker, text);
    changed = true;
  }

  String render() {
    return substituted(prefix + (body != null ? body : tree.toString()) + suffix);
  }

  private String substituted(String sql) {
    List<String> markers = new java.util.ArrayList<>(substitutions.keySet());
    for (int i = markers.size() - 1; i >= 0; i--) {
      sql = sql.replace(markers.get(i), substitutions.get(markers.get(i)));
    }
    return sql;
  }
}
