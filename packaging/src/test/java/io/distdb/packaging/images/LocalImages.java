package io.distdb.packaging.images;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;

/**
 * The images that {@code images/build.sh} builds, and the guard that skips a test where they cannot
 * run: without a Docker engine, or before the image was built. Nothing is ever pulled: no registry
 * exists where these tests run.
 */
public final class LocalImages {

  private LocalImages() {}

  /** The tag of both images: the parent pom's {@code distdb.image.tag}. */
  public static String tag() {
    return System.getProperty("distdb.image.tag", "0.2.0");
  }

  public static String dbNode() {
    return "distdb/db-node:" + tag();
  }

  public static String operator() {
    return "distdb/operator:" + tag();
  }

  /**
   * Skips the calling test (JUnit assumption) unless a Docker engine answers and {@code image} is
   * present locally; {@code howToBuild} says what makes it present.
   */
  public static InspectImageResponse assumePresent(String image, String howToBuild) {
    assumeTrue(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker engine answers: container tests skipped (start dockerd, then "
            + howToBuild
            + ")");
    try {
      return docker().inspectImageCmd(image).exec();
    } catch (NotFoundException e) {
      assumeTrue(false, "no local image " + image + ": " + howToBuild);
      throw e;
    }
  }

  /** Skips unless the db-node image can run here. */
  public static InspectImageResponse assumeDbNode() {
    return assumePresent(dbNode(), "run images/build.sh");
  }

  static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }
}
