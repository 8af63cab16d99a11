package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code pg_size_pretty}: every expectation is PostgreSQL 15's answer for the same value. */
class SizePrettyTest {

  @Test
  void unitsAndRoundingAreThoseOfPostgres() {
    long[] sizes = {
      -12345678,
      -10240,
      0,
      1,
      10239,
      10240,
      10752,
      1048575,
      10485248,
      10485760,
      1073741824,
      5497558138880L,
      Long.MAX_VALUE
    };
    String[] postgres = {
      "-12 MB",
      "-10 kB",
      "0 bytes",
      "1 bytes",
      "10239 bytes",
      "10 kB",
      "11 kB",
      "1024 kB",
      "10 MB",
      "10 MB",
      "1024 MB",
      "5120 GB",
      "8192 PB"
    };
    for (int i = 0; i < sizes.length; i++) {
      assertThat(CatalogFunctions.sizePretty(sizes[i])).as("%d", sizes[i]).isEqualTo(postgres[i]);
    }
    assertThat(CatalogFunctions.sizePretty(null)).isNull();
  }
}
