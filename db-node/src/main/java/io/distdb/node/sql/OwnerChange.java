package io.distdb.node.sql;

/**
 * {@code ALTER TABLE | SEQUENCE | VIEW | SCHEMA | ... name OWNER TO role}, which every pg_dump
 * without {@code --no-owner} writes after each object. A distdb node has one user, who owns every
 * object (the catalog says so): there is no other owner to give an object to, so the command
 * succeeds and changes nothing (see dialect/DESIGN.md, "Restoring a dump").
 *
 * @param commandTag {@code ALTER TABLE}, {@code ALTER SEQUENCE}, ...
 */
public record OwnerChange(String commandTag) implements Statement {

  @Override
  public StatementKind kind() {
    return StatementKind.OTHER;
  }

  @Override
  public boolean returnsRows() {
    return false;
  }
}
