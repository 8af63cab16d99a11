package io.distdb.node.pgwire.auth;

import java.util.Map;
import java.util.Optional;

/** A fixed set of users, e.g. the single admin user from the node's configuration. */
public final class StaticCredentials implements CredentialStore {

  private final Map<String, ScramCredentials> users;

  /** One user; the password is turned into a verifier right away and not kept. */
  public StaticCredentials(String user, String password) {
    this(Map.of(user, ScramCredentials.fromPassword(password)));
  }

  public StaticCredentials(Map<String, ScramCredentials> users) {
    this.users = Map.copyOf(users);
  }

  @Override
  public Optional<ScramCredentials> lookup(String user) {
    return Optional.ofNullable(users.get(user));
  }
}
