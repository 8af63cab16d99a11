package io.distdb.operator.dependent;

import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The three Secrets of a database: SQL credentials, the replication handshake secret and the admin
 * API token. Each is generated once, when absent, and never rewritten: rotating one is a user's
 * act. A credentials Secret the user made is used as it is and not owned by the database.
 */
public final class SecretDependent {

  /** Generated user name for SQL clients. */
  public static final String DEFAULT_USER = "distdb";

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretDependent() {}

  /** The Secrets to create when they do not exist yet (values freshly generated). */
  public static List<Secret> desired(ResolvedSpec spec) {
    ResourceNames names = spec.names();
    List<Secret> secrets = new ArrayList<>();
    secrets.add(
        secret(
            spec,
            spec.credentialsSecret(),
            Map.of(SecretKeys.USERNAME, DEFAULT_USER, SecretKeys.PASSWORD, randomToken())));
    secrets.add(
        secret(
            spec, names.replicationSecret(), Map.of(SecretKeys.REPLICATION_SECRET, randomToken())));
    secrets.add(
        secret(spec, names.adminTokenSecret(), Map.of(SecretKeys.ADMIN_TOKEN, randomToken())));
    return secrets;
  }

  /** 32 random bytes, URL-safe base64 without padding. */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Secret secret(ResolvedSpec spec, String name, Map<String, String> data) {
    return new SecretBuilder()
        .withMetadata(Owners.metadata(spec, name))
        .withType("Opaque")
        .withStringData(data)
        .build();
  }
}
