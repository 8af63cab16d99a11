package io.distdb.node.service;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The queue in front of a database writer; hands it everything waiting, up to a batch limit. */
final class WriteQueue {

  private final LinkedBlockingQueue<WriteRequest> queue = new LinkedBlockingQueue<>();

  void add(WriteRequest request) {
    queue.add(request);
  }

  /** Nobody waits for the writer: a new request may run at once. */
  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Waits up to {@code waitMillis} for a first request, then takes whatever else is queued. */
  boolean drainTo(List<WriteRequest> batch, int max, long waitMillis) throws InterruptedException {
    WriteRequest first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
    if (first == null) {
      return false;
    }
    batch.add(first);
    queue.drainTo(batch, max - 1);
    return true;
  }
}
