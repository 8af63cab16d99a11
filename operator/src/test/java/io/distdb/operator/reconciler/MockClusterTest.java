package io.distdb.operator.reconciler;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One {@link MockCluster} per test class, shared by its tests (each uses its own database). */
abstract class MockClusterTest {

  static MockCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = new MockCluster();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }
}
