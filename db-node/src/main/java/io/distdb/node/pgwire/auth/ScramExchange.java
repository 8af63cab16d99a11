package io.distdb.node.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 / RFC 7677) as PostgreSQL runs it:
 *
 * <pre>
 *   client-first  n,,n=user,r=cnonce              (gs2 header "n,," or "y,,": no channel binding)
 *   server-first  r=cnonce+snonce,s=salt,i=4096
 *   client-final  c=biws,r=cnonce+snonce,p=proof
 *   server-final  v=ServerSignature
 * </pre>
 *
 * <p>PostgreSQL ignores the SCRAM user name (the startup packet's user counts) and so do we. An
 * unknown user gets a full exchange against a made-up verifier, failing only at the proof, so the
 * answer does not reveal which user names exist.
 */
public final class ScramExchange {

  public static final String MECHANISM = "SCRAM-SHA-256";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Seeds made-up salts: stable per user within this process, unpredictable from outside. */
  private static final byte[] MOCK_SECRET = randomBytes(32);

  private final ScramCredentials credentials;
  private final boolean knownUser;
  private final Supplier<String> serverNonces;
  private String gs2Header;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;

  public ScramExchange(String user, Optional<ScramCredentials> credentials) {
    this(user, credentials, () -> Base64.getEncoder().encodeToString(randomBytes(18)));
  }

  /** With a chosen server nonce, for the RFC test vectors. */
  ScramExchange(String user, Optional<ScramCredentials> credentials, Supplier<String> nonces) {
    this.knownUser = credentials.isPresent();
    this.credentials = credentials.orElseGet(() -> mockCredentials(user));
    this.serverNonces = nonces;
  }

  /** Answers the SASLInitialResponse's client-first-message with the server-first-message. */
  public byte[] serverFirst(byte[] clientFirstMessage) throws ScramException {
    String msg = new String(clientFirstMessage, StandardCharsets.UTF_8);
    if (msg.startsWith("p=")) {
      throw malformed("channel binding is not supported");
    }
    if (!msg.startsWith("n,,") && !msg.startsWith("y,,")) {
      throw malformed("malformed SCRAM message: unexpected GS2 header");
    }
    gs2Header = msg.substring(0, 3);
    clientFirstBare = msg.substring(3);
    String[] attrs = clientFirstBare.split(",", -1);
    if (attrs.length < 2
        || !attrs[0].startsWith("n=")
        || !attrs[1].startsWith("r=")
        || attrs[1].length() < 3) {
      throw malformed("malformed SCRAM message: expected n= and r= attributes");
    }
    nonce = attrs[1].substring(2) + serverNonces.get();
    serverFirst =
        "r="
            + nonce
            + ",s="
            + Base64.getEncoder().encodeToString(credentials.salt())
            + ",i="
            + credentials.iterations();
    return serverFirst.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Verifies the client-final-message's proof.
   *
   * @return the server-final-message for AuthenticationSASLFinal
   * @throws ScramException if the proof is wrong or the message malformed
   */
  public byte[] serverFinal(byte[] clientFinalMessage) throws ScramException {
    if (serverFirst == null) {
      throw malformed("SCRAM client-final-message before client-first-message");
    }
    String msg = new String(clientFinalMessage, StandardCharsets.UTF_8);
    int proofAt = msg.lastIndexOf(",p=");
    if (proofAt < 0) {
      throw malformed("malformed SCRAM message: missing proof");
    }
    String withoutProof = msg.substring(0, proofAt);
    String[] attrs = withoutProof.split(",", -1);
    String expectedBinding =
        Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
    if (attrs.length < 2 || !attrs[0].equals("c=" + expectedBinding)) {
      throw malformed("malformed SCRAM message: unexpected channel-binding data");
    }
    if (!attrs[1].equals("r=" + nonce)) {
      throw malformed("malformed SCRAM message: nonce mismatch");
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(msg.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      throw malformed("malformed SCRAM message: invalid proof encoding");
    }
    byte[] authMessage =
        (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
    byte[] clientSignature = ScramPrimitives.hmac(credentials.storedKey(), authMessage);
    if (proof.length != clientSignature.length) {
      throw malformed("malformed SCRAM message: invalid proof length");
    }
    byte[] clientKey = ScramPrimitives.xor(proof, clientSignature);
    boolean match =
        MessageDigest.isEqual(ScramPrimitives.sha256(clientKey), credentials.storedKey());
    if (!match || !knownUser) {
      throw new ScramException(false, "SCRAM proof mismatch");
    }
    byte[] serverSignature = ScramPrimitives.hmac(credentials.serverKey(), authMessage);
    return ("v=" + Base64.getEncoder().encodeToString(serverSignature))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static ScramCredentials mockCredentials(String user) {
    byte[] seed = ScramPrimitives.hmac(MOCK_SECRET, user.getBytes(StandardCharsets.UTF_8));
    byte[] salt = java.util.Arrays.copyOf(seed, 16);
    return new ScramCredentials(
        salt, ScramCredentials.DEFAULT_ITERATIONS, randomBytes(32), randomBytes(32));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static ScramException malformed(String message) {
    return new ScramException(true, message);
  }
}
