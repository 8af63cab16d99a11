package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.List;

/**
 * One PostgreSQL-to-H2 difference, fixed on the parse tree of a {@link Translation}. A rewrite that
 * finds nothing to do leaves the translation untouched; one that changes it calls {@link
 * Translation#changed()}, so that statements no rewrite touched reach H2 as the client wrote them.
 */
interface Rewrite {

  /**
   * Lower-case substrings one of which a statement must contain for this rewrite to apply. A
   * statement containing none of any rewrite's stems is not parsed at all (see DESIGN.md).
   */
  List<String> stems();

  /**
   * @throws StatementException for a construct PostgreSQL accepts that distdb cannot run (0A000
   *     naming it) or that PostgreSQL itself refuses
   */
  void apply(Translation translation) throws StatementException;
}
