package io.distdb.node.pgwire.auth;

import java.util.Objects;

/**
 * How the server authenticates a connecting user: {@link #trust()} lets everyone in (tests, local
 * sockets), {@link #scramSha256(CredentialStore)} runs SCRAM-SHA-256 against stored verifiers.
 */
public sealed interface Authenticator {

  static Authenticator trust() {
    return new Trust();
  }

  static Authenticator scramSha256(CredentialStore store) {
    return new ScramSha256(store);
  }

  /** No password exchange: AuthenticationOk right after the startup packet. */
  record Trust() implements Authenticator {}

  /** SCRAM-SHA-256 without channel binding, as PostgreSQL's {@code scram-sha-256} method. */
  record ScramSha256(CredentialStore store) implements Authenticator {
    public ScramSha256 {
      Objects.requireNonNull(store, "store");
    }
  }
}
