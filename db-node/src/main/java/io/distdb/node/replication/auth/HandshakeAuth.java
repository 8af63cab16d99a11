package io.distdb.node.replication.auth;

import io.distdb.node.replication.wire.Hello;
import io.distdb.node.replication.wire.Welcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual challenge-response over the cluster's shared secret; the secret itself never crosses the
 * wire.
 *
 * <pre>
 * slave proof  = HMAC-SHA256(secret, "slave"  | serverNonce | clientNonce | clusterId | nodeId
 *                                             | epoch | lastDurableLsn)
 * master proof = HMAC-SHA256(secret, "master" | clientNonce | serverNonce | clusterId
 *                                             | masterNodeId | epoch)
 * </pre>
 *
 * Each {@code |}-joined field is written length-prefixed (int32 length, then bytes; longs as 8
 * big-endian bytes) so no two different field tuples produce the same MAC input. The distinct
 * labels and nonce orders stop a proof from one direction being reflected as the other, and each
 * side's fresh nonce stops replay of an old handshake against it.
 *
 * <p>This authenticates the two endpoints only; the data stream after the handshake is not
 * integrity-protected (that needs TLS). Thread-safe.
 */
public final class HandshakeAuth {

  public static final int NONCE_LENGTH = 32;

  /** Shorter secrets are brute-forceable offline from one captured handshake. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] SLAVE_LABEL = "slave".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MASTER_LABEL = "master".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final SecureRandom random;

  public HandshakeAuth(byte[] secret) {
    this(secret, new SecureRandom());
  }

  public HandshakeAuth(byte[] secret, SecureRandom random) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "replication secret must be at least " + MIN_SECRET_LENGTH + " bytes");
    }
    this.key = new SecretKeySpec(secret, ALGORITHM); // copies the secret
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A secret given as text (e.g. from a Kubernetes Secret), used as its UTF-8 bytes. */
  public static HandshakeAuth fromText(String secret) {
    return new HandshakeAuth(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh {@value #NONCE_LENGTH}-byte nonce from {@link SecureRandom}. */
  public byte[] newNonce() {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    return nonce;
  }

  /**
   * @throws IllegalArgumentException if a nonce is not {@value #NONCE_LENGTH} bytes
   */
  public byte[] slaveProof(
      byte[] serverNonce,
      byte[] clientNonce,
      String clusterId,
      String nodeId,
      long epoch,
      long lastDurableLsn) {
    checkNonce(serverNonce, "serverNonce");
    checkNonce(clientNonce, "clientNonce");
    return mac(
        SLAVE_LABEL,
        serverNonce,
        clientNonce,
        utf8(clusterId),
        utf8(nodeId),
        longBytes(epoch),
        longBytes(lastDurableLsn));
  }

  /**
   * @throws IllegalArgumentException if a nonce is not {@value #NONCE_LENGTH} bytes
   */
  public byte[] masterProof(
      byte[] clientNonce, byte[] serverNonce, String clusterId, String masterNodeId, long epoch) {
    checkNonce(clientNonce, "clientNonce");
    checkNonce(serverNonce, "serverNonce");
    return mac(
        MASTER_LABEL,
        clientNonce,
        serverNonce,
        utf8(clusterId),
        utf8(masterNodeId),
        longBytes(epoch));
  }

  /**
   * Master side: does {@code hello} prove knowledge of the secret for the challenge we sent?
   * Compares in constant time; malformed nonces simply fail.
   */
  public boolean verifySlaveProof(Hello hello, byte[] serverNonce) {
    if (!validNonce(serverNonce) || !validNonce(hello.clientNonce())) {
      return false;
    }
    byte[] expected =
        slaveProof(
            serverNonce,
            hello.clientNonce(),
            hello.clusterId(),
            hello.nodeId(),
            hello.epoch(),
            hello.lastDurableLsn());
    return MessageDigest.isEqual(expected, hello.proof());
  }

  /**
   * Slave side: does {@code welcome} prove the master knows the secret, for the nonces of this very
   * handshake and the cluster we asked for? Compares in constant time.
   */
  public boolean verifyMasterProof(
      Welcome welcome, byte[] clientNonce, byte[] serverNonce, String clusterId) {
    if (!validNonce(serverNonce) || !validNonce(clientNonce)) {
      return false;
    }
    byte[] expected =
        masterProof(clientNonce, serverNonce, clusterId, welcome.masterNodeId(), welcome.epoch());
    return MessageDigest.isEqual(expected, welcome.proof());
  }

  private byte[] mac(byte[]... fields) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe; instances are cheap
      mac.init(key);
      for (byte[] f : fields) {
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(f.length).array());
        mac.update(f);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " unavailable", e); // mandatory in every JRE
    }
  }

  private static boolean validNonce(byte[] nonce) {
    return nonce != null && nonce.length == NONCE_LENGTH;
  }

  private static void checkNonce(byte[] nonce, String name) {
    if (!validNonce(nonce)) {
      throw new IllegalArgumentException(name + " must be " + NONCE_LENGTH + " bytes");
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] longBytes(long v) {
    return ByteBuffer.allocate(Long.BYTES).putLong(v).array();
  }
}
