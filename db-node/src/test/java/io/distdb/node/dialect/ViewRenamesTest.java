package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The record of a view's PostgreSQL text follows the view to its new name. */
class ViewRenamesTest {

  private static final String MOVE =
      "; UPDATE \"distdb_internal\".\"view_text\" SET \"view_name\" = ";

  @Test
  void renameOfAViewOrTableMovesTheRecord() throws Exception {
    Dialect d = new Dialect(16);
    assertThat(d.translate("ALTER VIEW v RENAME TO w").sql())
        .isEqualTo(
            "ALTER VIEW v RENAME TO w"
                + MOVE
                + "'w' WHERE \"view_schema\" = 'public' AND \"view_name\" = 'v'");
    assertThat(d.translate("alter table if exists s.\"Old\" rename to New;").sql())
        .endsWith(MOVE + "'new' WHERE \"view_schema\" = 's' AND \"view_name\" = 'Old'");
  }

  @Test
  void otherRenamesAreLeftAlone() throws Exception {
    Dialect d = new Dialect(16);
    assertThat(d.translate("ALTER TABLE t RENAME COLUMN a TO b").sql()).doesNotContain(MOVE);
    assertThat(d.translate("ALTER TABLE t RENAME CONSTRAINT a TO b").sql()).doesNotContain(MOVE);
    assertThat(d.translate("ALTER INDEX i RENAME TO j").sql()).doesNotContain(MOVE);
    assertThat(d.translate("ALTER SEQUENCE s RENAME TO r").sql()).doesNotContain(MOVE);
  }
}
