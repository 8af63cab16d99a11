package io.distdb.node.sql;

import java.util.Set;

/**
 * {@code CREATE EXTENSION [IF NOT EXISTS] name ...} of an extension whose objects every distdb
 * database has built in: {@code plpgsql} (listed in pg_extension, as PostgreSQL lists it) and
 * {@code uuid-ossp}, whose {@code uuid_generate_v4()} the dialect answers (TypeORM creates it
 * before its first uuid column). Nothing is created, so the statement succeeds and changes nothing;
 * other extensions stay 0A000.
 *
 * @param name the extension's name as the client wrote it (folded like an identifier)
 * @param ifNotExists whether {@code IF NOT EXISTS} was given
 */
public record BuiltinExtension(String name, boolean ifNotExists) implements Statement {

  /** Extensions whose objects distdb has without being asked. */
  static final Set<String> NAMES = Set.of("plpgsql", "uuid-ossp");

  /** Extensions PostgreSQL 15 lists in every new database's pg_extension. */
  public boolean listed() {
    return name.equals("plpgsql");
  }

  @Override
  public StatementKind kind() {
    return StatementKind.OTHER;
  }

  @Override
  public String commandTag() {
    return "CREATE EXTENSION";
  }

  @Override
  public boolean returnsRows() {
    return false;
  }
}
