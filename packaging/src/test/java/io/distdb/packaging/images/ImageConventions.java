package io.distdb.packaging.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import java.util.Arrays;
import java.util.List;

/** What every distdb image promises Kubernetes, checked on the image's configuration. */
final class ImageConventions {

  private ImageConventions() {}

  /**
   * Numeric non-root user (so {@code runAsNonRoot} can verify it), java as PID 1 in exec form (so
   * SIGTERM reaches the JVM, not a shell), the JVM sized from the container's memory, and no Docker
   * HEALTHCHECK (Kubernetes probes do that). {@code jvmFlags} are further flags the image needs.
   */
  static void assertKubernetesReady(InspectImageResponse image, String jar, String... jvmFlags) {
    ContainerConfig config = image.getConfig();
    assertThat(config.getUser()).isEqualTo("10001:10001");
    assertThat(config.getHealthcheck()).isNull();
    List<String> entrypoint = Arrays.asList(config.getEntrypoint());
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint)
        .contains("-jar", jar)
        .anyMatch(arg -> arg.startsWith("-XX:MaxRAMPercentage="));
    // AssertJ's contains() rejects an empty group, and the db-node image needs no further flag.
    if (jvmFlags.length > 0) {
      assertThat(entrypoint).contains(jvmFlags);
    }
    assertThat(config.getCmd()).isNullOrEmpty();
  }
}
