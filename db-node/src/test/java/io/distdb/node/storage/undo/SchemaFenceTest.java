package io.distdb.node.storage.undo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Only statements naming a guarded table wait, and only for someone else's fence. */
class SchemaFenceTest {

  private final SchemaFence fence = new SchemaFence();
  private final Object block = new Object();
  private final Object other = new Object();

  @Test
  void statementsNamingAGuardedTableWaitUntilTheFenceOpens() throws Exception {
    fence.close(block);
    fence.guard(block, List.of("book", "Author"));

    assertThat(fence.await(other, "SELECT * FROM public.book", 20)).isFalse();
    assertThat(fence.await(other, "UPDATE \"Author\" SET x = 1", 20)).isFalse();
    assertThat(fence.await(block, "SELECT * FROM book", 20)).as("the owner passes").isTrue();
    assertThat(fence.await(other, "SELECT * FROM author", 20)).as("another name").isTrue();
    assertThat(fence.await(other, "SELECT 'book' FROM information_schema.tables", 20))
        .as("a string is not a table")
        .isTrue();

    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return fence.await(other, "SELECT count(*) FROM book", 30_000);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    fence.open(block);
    assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fence.await(other, "SELECT * FROM book", 0)).isTrue();
  }

  @Test
  void aSecondOwnerWaitsForTheFirst() throws Exception {
    fence.close(block);
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> fence.close(other));
    Thread.sleep(50);
    assertThat(second).isNotDone();
    fence.open(block);
    second.get(10, TimeUnit.SECONDS);
    fence.guard(other, List.of("t"));
    assertThat(fence.await(block, "SELECT * FROM t", 20)).isFalse();
  }
}
