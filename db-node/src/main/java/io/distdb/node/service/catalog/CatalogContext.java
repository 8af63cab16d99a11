package io.distdb.node.service.catalog;

import java.sql.Connection;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a session knows that catalog answers need: who is asking, which database is open, which
 * databases the node has, and the engine connection whose INFORMATION_SCHEMA describes the tables.
 *
 * @param serverVersion what the node announces as server_version, e.g. {@code 15.0 (distdb 0.1.0)}
 * @param databases the node's databases, asked afresh for each answer (another session may have
 *     created or dropped one)
 */
public record CatalogContext(
    String user,
    String database,
    String serverVersion,
    Supplier<List<String>> databases,
    Connection connection) {}
