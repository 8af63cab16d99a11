package io.distdb.node.service.catalog;

import io.distdb.node.service.SqlException;

/** Recognises one family of client catalog queries and answers them from distdb's knowledge. */
interface Recognizer {

  /** The answer, or null if {@code query} is not of this family's shape. */
  CatalogAnswer recognize(QueryText query) throws SqlException;
}
