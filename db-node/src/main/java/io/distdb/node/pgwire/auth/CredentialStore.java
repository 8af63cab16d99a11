package io.distdb.node.pgwire.auth;

import java.util.Optional;

/**
 * Where the server looks up a user's SCRAM verifier. Implementations hold verifiers, never
 * passwords, so a leaked store does not reveal them.
 */
@FunctionalInterface
public interface CredentialStore {

  /** The verifier for {@code user}, or empty if the user does not exist. */
  Optional<ScramCredentials> lookup(String user);
}
