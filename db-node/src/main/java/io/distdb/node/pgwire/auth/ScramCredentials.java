package io.distdb.node.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A SCRAM-SHA-256 verifier as PostgreSQL stores it in pg_authid: {@code
 * SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}.
 */
public record ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

  /** PostgreSQL's default scram_iterations. */
  public static final int DEFAULT_ITERATIONS = 4096;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A verifier with a fresh random 16-byte salt and 4096 iterations. */
  public static ScramCredentials fromPassword(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return fromPassword(password, salt, DEFAULT_ITERATIONS);
  }

  /**
   * The password is used as UTF-8 without SASLprep normalisation, which gives the same result as
   * PostgreSQL for every ASCII password.
   */
  public static ScramCredentials fromPassword(String password, byte[] salt, int iterations) {
    byte[] salted = ScramPrimitives.saltedPassword(password, salt, iterations);
    byte[] clientKey = ScramPrimitives.hmac(salted, bytes("Client Key"));
    byte[] serverKey = ScramPrimitives.hmac(salted, bytes("Server Key"));
    return new ScramCredentials(
        salt.clone(), iterations, ScramPrimitives.sha256(clientKey), serverKey);
  }

  /** Parses PostgreSQL's {@code SCRAM-SHA-256$4096:salt$StoredKey:ServerKey} text form. */
  public static ScramCredentials parse(String verifier) {
    String[] parts = verifier.split("[$:]");
    if (parts.length != 5 || !parts[0].equals("SCRAM-SHA-256")) {
      throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
    }
    Base64.Decoder b64 = Base64.getDecoder();
    return new ScramCredentials(
        b64.decode(parts[2]),
        Integer.parseInt(parts[1]),
        b64.decode(parts[3]),
        b64.decode(parts[4]));
  }

  /** PostgreSQL's text form, suitable for configuration files. */
  public String toVerifierString() {
    Base64.Encoder b64 = Base64.getEncoder();
    return "SCRAM-SHA-256$"
        + iterations
        + ":"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(storedKey)
        + ":"
        + b64.encodeToString(serverKey);
  }

  @Override
  public String toString() {
    return "ScramCredentials[iterations=" + iterations + "]";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
