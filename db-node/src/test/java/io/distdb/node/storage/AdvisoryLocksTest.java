package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AdvisoryLocksTest {

  private final AdvisoryLocks locks = new AdvisoryLocks();
  private final Object db = new Object();
  private final Object a = new Object();
  private final Object b = new Object();

  private AdvisoryLocks.Key key(long k) {
    return new AdvisoryLocks.Key(db, k, 0, false);
  }

  @Test
  void exclusiveExcludesOthersAndIsReentrant() {
    assertThat(locks.tryAcquire(a, key(1), false, false)).isTrue();
    assertThat(locks.tryAcquire(a, key(1), false, false)).isTrue();
    assertThat(locks.tryAcquire(b, key(1), false, false)).isFalse();
    assertThat(locks.tryAcquire(b, key(1), true, false)).isFalse();
    // Other keys, other databases and the two-int form are other locks.
    assertThat(locks.tryAcquire(b, key(2), false, false)).isTrue();
    assertThat(locks.tryAcquire(b, new AdvisoryLocks.Key(new Object(), 1, 0, false), false, false))
        .isTrue();
    assertThat(locks.tryAcquire(b, new AdvisoryLocks.Key(db, 1, 0, true), false, false)).isTrue();
    // Held twice: two unlocks, and b cannot unlock what a holds.
    assertThat(locks.release(b, key(1), false)).isFalse();
    assertThat(locks.release(a, key(1), false)).isTrue();
    assertThat(locks.tryAcquire(b, key(1), false, false)).isFalse();
    assertThat(locks.release(a, key(1), false)).isTrue();
    assertThat(locks.release(a, key(1), false)).isFalse();
    assertThat(locks.tryAcquire(b, key(1), false, false)).isTrue();
  }

  @Test
  void sharedHoldersShareAndKeepExclusiveOut() {
    assertThat(locks.tryAcquire(a, key(1), true, false)).isTrue();
    assertThat(locks.tryAcquire(b, key(1), true, false)).isTrue();
    assertThat(locks.tryAcquire(b, key(1), false, false)).isFalse();
    assertThat(locks.release(a, key(1), false)).isFalse();
    assertThat(locks.release(a, key(1), true)).isTrue();
    // Only b holds it now: b may take it exclusively as well.
    assertThat(locks.tryAcquire(b, key(1), false, false)).isTrue();
  }

  @Test
  void transactionLevelLocksEndWithTheTransactionAndSessionLocksWithTheSession() {
    assertThat(locks.tryAcquire(a, key(1), false, true)).isTrue();
    assertThat(locks.tryAcquire(a, key(2), false, false)).isTrue();
    // An unlock gives back session-level holds only.
    assertThat(locks.release(a, key(1), false)).isFalse();
    locks.transactionEnded(a);
    assertThat(locks.tryAcquire(b, key(1), false, false)).isTrue();
    assertThat(locks.tryAcquire(b, key(2), false, false)).isFalse();
    locks.sessionEnded(a);
    assertThat(locks.tryAcquire(b, key(2), false, false)).isTrue();
    locks.sessionEnded(b);
    assertThat(locks.lockedKeys()).isZero();
  }

  @Test
  void aWaitEndsWhenTheHolderLetsGoOrTheWaiterIsCancelled() throws Exception {
    assertThat(locks.tryAcquire(a, key(1), false, false)).isTrue();
    CompletableFuture<Void> waiter =
        CompletableFuture.runAsync(
            () -> {
              try {
                locks.acquire(b, key(1), false, false, () -> {});
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertThat(waiter).isNotDone();
    locks.release(a, key(1), false);
    waiter.get(5, TimeUnit.SECONDS);
    assertThat(locks.tryAcquire(a, key(1), false, false)).isFalse();

    AtomicBoolean cancelled = new AtomicBoolean();
    CompletableFuture<Void> cancelledWaiter =
        CompletableFuture.runAsync(
            () -> {
              try {
                locks.acquire(
                    a,
                    key(1),
                    false,
                    false,
                    () -> {
                      if (cancelled.get()) {
                        throw new SQLException("canceling statement", "57014");
                      }
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    cancelled.set(true);
    assertThatThrownBy(() -> cancelledWaiter.get(5, TimeUnit.SECONDS))
        .hasRootCauseMessage("canceling statement");
    assertThat(locks.tryAcquire(a, key(1), false, false)).isFalse();
  }

  @Test
  void aWaitThatClosesACycleFailsWithDeadlockDetected() throws Exception {
    assertThat(locks.tryAcquire(a, key(1), false, false)).isTrue();
    assertThat(locks.tryAcquire(b, key(2), false, false)).isTrue();
    CompletableFuture<Void> aWaits =
        CompletableFuture.runAsync(
            () -> {
              try {
                locks.acquire(a, key(2), false, false, () -> {});
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertThatThrownBy(() -> locks.acquire(b, key(1), false, false, () -> {}))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("40P01"));
    locks.sessionEnded(b);
    aWaits.get(5, TimeUnit.SECONDS);
  }

  @Test
  void heldListsEachHolderModeAndWaitOfTheDatabase() throws Exception {
    locks.processId(a, 11);
    locks.processId(b, 22);
    locks.tryAcquire(a, key(1), false, false);
    locks.tryAcquire(a, key(1), false, true); // the same mode twice is one row
    locks.tryAcquire(a, key(2), true, false);
    locks.tryAcquire(b, key(2), true, true);
    locks.tryAcquire(b, new AdvisoryLocks.Key(new Object(), 3, 0, false), false, false);
    CompletableFuture<Void> waiting =
        CompletableFuture.runAsync(
            () -> {
              try {
                locks.acquire(b, key(1), true, false, () -> {});
              } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (locks.held(db).size() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(locks.held(db))
        .containsExactlyInAnyOrder(
            new AdvisoryLocks.Held(key(1), 11, "ExclusiveLock", true),
            new AdvisoryLocks.Held(key(2), 11, "ShareLock", true),
            new AdvisoryLocks.Held(key(2), 22, "ShareLock", true),
            new AdvisoryLocks.Held(key(1), 22, "ShareLock", false));
    locks.sessionEnded(a);
    waiting.get(5, TimeUnit.SECONDS);
    assertThat(locks.held(db))
        .containsExactlyInAnyOrder(
            new AdvisoryLocks.Held(key(1), 22, "ShareLock", true),
            new AdvisoryLocks.Held(key(2), 22, "ShareLock", true));
  }
}
