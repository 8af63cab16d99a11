package io.distdb.operator.e2e;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Plays the volume provisioner: every PVC is bound at once to a directory of its own, keyed by the
 * claim's UID, so a claim deleted and created again under the same name gets an empty volume (as a
 * new PersistentVolume would be).
 */
final class Volumes {

  private final KubernetesClient client;
  private final String namespace;
  private final Path root;

  Volumes(KubernetesClient client, String namespace, Path root) {
    this.client = client;
    this.namespace = namespace;
    this.root = root;
  }

  /** Binds every pending claim. */
  void tick() {
    for (PersistentVolumeClaim claim :
        client.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
      if (claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase())) {
        try {
          Files.createDirectories(dir(claim));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        claim.setStatus(new PersistentVolumeClaimStatusBuilder().withPhase("Bound").build());
        client.resource(claim).updateStatus();
      }
    }
  }

  /** The volume of claim {@code name} if the claim exists and is bound. */
  Optional<Path> volume(String name) {
    PersistentVolumeClaim claim =
        client.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
    if (claim == null
        || claim.getStatus() == null
        || !"Bound".equals(claim.getStatus().getPhase())) {
      return Optional.empty();
    }
    return Optional.of(dir(claim));
  }

  /**
   * The disk behind claim {@code name} is gone: the claim object is deleted first (so nothing can
   * mount it again), then {@code afterDetach} runs (the kubelet's container dies with its disk),
   * then the files go.
   */
  void lose(String name, Runnable afterDetach) throws IOException {
    PersistentVolumeClaim claim =
        client.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
    if (claim == null) {
      return;
    }
    client.resource(claim).withGracePeriod(0).delete();
    afterDetach.run();
    try (Stream<Path> files = Files.walk(dir(claim))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Overwrites the start and the middle of every H2 storage file under {@code volume}. */
  static void corrupt(Path volume) throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(volume)) {
      files = all.filter(f -> f.getFileName().toString().endsWith(".mv.db")).toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no storage file under " + volume);
    }
    Random garbage = new Random(42);
    for (Path f : files) {
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
        byte[] junk = new byte[16384];
        garbage.nextBytes(junk);
        ch.write(ByteBuffer.wrap(junk), 0);
        ch.write(ByteBuffer.wrap(junk), ch.size() / 2);
        ch.force(true);
      }
    }
  }

  private Path dir(PersistentVolumeClaim claim) {
    return root.resolve(claim.getMetadata().getName() + "-" + claim.getMetadata().getUid());
  }
}
