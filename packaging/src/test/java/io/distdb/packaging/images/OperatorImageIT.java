package io.distdb.packaging.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import org.junit.jupiter.api.Test;

/**
 * The operator image's configuration. Skipped while the image does not exist: images/build.sh
 * builds it only once the operator module produces {@code operator/target/distdb-operator.jar}.
 */
class OperatorImageIT {

  @Test
  void imageFollowsTheKubernetesConventions() {
    InspectImageResponse image =
        LocalImages.assumePresent(
            LocalImages.operator(),
            "run images/build.sh once operator/target/distdb-operator.jar exists"
                + " (the operator module builds no runnable jar yet)");
    ImageConventions.assertKubernetesReady(
        image, "/opt/distdb/distdb-operator.jar", "-XX:+ExitOnOutOfMemoryError");
    assertThat(image.getConfig().getExposedPorts())
        .extracting(Object::toString)
        .contains("8081/tcp");
  }
}
