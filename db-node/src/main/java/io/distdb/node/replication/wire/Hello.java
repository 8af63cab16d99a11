package io.distdb.node.replication.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * Slave → master, the answer to {@link Challenge}: who the slave is, which epoch it has seen, how
 * far its log is durable, and an HMAC proof that it knows the cluster secret (see {@code
 * io.distdb.node.replication.auth.HandshakeAuth}).
 *
 * @param advertisedAddress host:port where the slave can be reached (for status / failover); may be
 *     empty
 * @param incarnation this run of the slave (a pod UID, or a UUID per process start): the master
 *     counts acks only from the newest incarnation it registered for a node id
 */
public record Hello(
    int protocolVersion,
    String clusterId,
    String nodeId,
    long epoch,
    long lastDurableLsn,
    String advertisedAddress,
    byte[] clientNonce,
    byte[] proof,
    String incarnation)
    implements ReplicationMessage {

  /** A Hello with an empty incarnation. */
  public Hello(
      int protocolVersion,
      String clusterId,
      String nodeId,
      long epoch,
      long lastDurableLsn,
      String advertisedAddress,
      byte[] clientNonce,
      byte[] proof) {
    this(
        protocolVersion,
        clusterId,
        nodeId,
        epoch,
        lastDurableLsn,
        advertisedAddress,
        clientNonce,
        proof,
        "");
  }

  public Hello {
    Objects.requireNonNull(incarnation, "incarnation");
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(advertisedAddress, "advertisedAddress");
    Objects.requireNonNull(clientNonce, "clientNonce");
    Objects.requireNonNull(proof, "proof");
  }

  @Override
  public MessageType type() {
    return MessageType.HELLO;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hello h
        && protocolVersion == h.protocolVersion
        && clusterId.equals(h.clusterId)
        && nodeId.equals(h.nodeId)
        && epoch == h.epoch
        && lastDurableLsn == h.lastDurableLsn
        && advertisedAddress.equals(h.advertisedAddress)
        && Arrays.equals(clientNonce, h.clientNonce)
        && Arrays.equals(proof, h.proof)
        && incarnation.equals(h.incarnation);
  }

  @Override
  public int hashCode() {
    int h =
        Objects.hash(protocolVersion, clusterId, nodeId, epoch, lastDurableLsn, advertisedAddress);
    return 31 * (31 * h + Arrays.hashCode(clientNonce)) + Arrays.hashCode(proof);
  }

  @Override
  public String toString() {
    return "Hello[protocolVersion="
        + protocolVersion
        + ", clusterId="
        + clusterId
        + ", nodeId="
        + nodeId
        + ", epoch="
        + epoch
        + ", lastDurableLsn="
        + lastDurableLsn
        + ", advertisedAddress="
        + advertisedAddress
        + ", clientNonce="
        + Bytes.describe(clientNonce)
        + ", proof="
        + Bytes.describe(proof)
        + ", incarnation="
        + incarnation
        + "]";
  }
}
