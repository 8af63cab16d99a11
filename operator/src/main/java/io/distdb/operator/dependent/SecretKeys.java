package io.distdb.operator.dependent;

/** The keys inside the Secrets the pods read. */
public final class SecretKeys {

  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String REPLICATION_SECRET = "secret";
  public static final String ADMIN_TOKEN = "token";

  private SecretKeys() {}
}
