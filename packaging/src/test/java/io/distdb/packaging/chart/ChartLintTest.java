package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.distdb.packaging.RepoFiles;
import org.junit.jupiter.api.Test;

class ChartLintTest {

  @Test
  void strictLintFindsNothingToComplainAbout() {
    LintResult result = new Helm(RepoFiles.chart()).lint().strict().call();

    assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }
}
