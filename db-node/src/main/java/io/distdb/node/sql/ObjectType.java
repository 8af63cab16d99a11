package io.distdb.node.sql;

import java.util.List;

/**
 * The object types CREATE / ALTER / DROP name, in the words PostgreSQL's command tags use. Objects
 * that live outside one database (roles, tablespaces, extensions, ...) are marked cluster-wide: a
 * logical distdb database cannot hold them, so such statements classify as OTHER.
 */
enum ObjectType {
  // Multi-word types first: they are matched in declaration order.
  MATERIALIZED_VIEW("MATERIALIZED VIEW", false),
  FOREIGN_DATA_WRAPPER("FOREIGN DATA WRAPPER", true),
  FOREIGN_TABLE("FOREIGN TABLE", true),
  EVENT_TRIGGER("EVENT TRIGGER", true),
  OPERATOR_CLASS("OPERATOR CLASS", false),
  OPERATOR_FAMILY("OPERATOR FAMILY", false),
  TEXT_SEARCH_CONFIGURATION("TEXT SEARCH CONFIGURATION", false),
  TEXT_SEARCH_DICTIONARY("TEXT SEARCH DICTIONARY", false),
  TEXT_SEARCH_PARSER("TEXT SEARCH PARSER", false),
  TEXT_SEARCH_TEMPLATE("TEXT SEARCH TEMPLATE", false),
  USER_MAPPING("USER MAPPING", true),
  ACCESS_METHOD("ACCESS METHOD", true),
  DEFAULT_PRIVILEGES("DEFAULT PRIVILEGES", false),
  LARGE_OBJECT("LARGE OBJECT", true),
  TABLE("TABLE", false),
  INDEX("INDEX", false),
  VIEW("VIEW", false),
  SEQUENCE("SEQUENCE", false),
  SCHEMA("SCHEMA", false),
  FUNCTION("FUNCTION", false),
  PROCEDURE("PROCEDURE", false),
  ROUTINE("ROUTINE", false),
  AGGREGATE("AGGREGATE", false),
  TRIGGER("TRIGGER", false),
  TYPE("TYPE", false),
  DOMAIN("DOMAIN", false),
  POLICY("POLICY", false),
  RULE("RULE", false),
  STATISTICS("STATISTICS", false),
  COLLATION("COLLATION", false),
  CONVERSION("CONVERSION", false),
  OPERATOR("OPERATOR", false),
  CAST("CAST", false),
  TRANSFORM("TRANSFORM", false),
  DATABASE("DATABASE", true),
  EXTENSION("EXTENSION", true),
  ROLE("ROLE", true),
  // CREATE/ALTER/DROP USER and GROUP complete with the ROLE tag.
  USER("USER", "ROLE", true),
  GROUP("GROUP", "ROLE", true),
  TABLESPACE("TABLESPACE", true),
  SERVER("SERVER", true),
  LANGUAGE("LANGUAGE", true),
  PUBLICATION("PUBLICATION", true),
  SUBSCRIPTION("SUBSCRIPTION", true),
  SYSTEM("SYSTEM", true),
  OWNED("OWNED", true);

  private final List<String> words;
  private final String tagWords;
  private final boolean clusterWide;

  ObjectType(String words, boolean clusterWide) {
    this(words, words, clusterWide);
  }

  ObjectType(String words, String tagWords, boolean clusterWide) {
    this.words = List.of(words.split(" "));
    this.tagWords = tagWords;
    this.clusterWide = clusterWide;
  }

  /** The words after the verb in the command tag: {@code "MATERIALIZED VIEW"}. */
  String tagWords() {
    return tagWords;
  }

  boolean clusterWide() {
    return clusterWide;
  }

  /** The type whose words come next in {@code in}, consuming them; null if none does. */
  static ObjectType accept(TokenStream in) {
    for (ObjectType type : values()) {
      if (in.accept(type.words.toArray(String[]::new))) {
        return type;
      }
    }
    return null;
  }
}
