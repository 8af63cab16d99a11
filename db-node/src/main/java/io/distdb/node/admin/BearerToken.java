package io.distdb.node.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin API's shared token, checked in constant time: both sides are hashed first, so neither
 * the content nor the length of the token leaks through how long a rejection takes.
 */
final class BearerToken {

  private static final String PREFIX = "Bearer ";

  private final byte[] expectedHash;

  BearerToken(String token) {
    this.expectedHash = sha256(token);
  }

  /** Whether an {@code Authorization} header value carries the token. */
  boolean matches(String authorization) {
    String presented =
        authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
            ? authorization.substring(PREFIX.length()).strip()
            : "";
    return MessageDigest.isEqual(expectedHash, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
