package io.distdb.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeOptionsTest {

  @TempDir Path dir;

  @Test
  void commandLineWinsOverConfigFileWhichWinsOverEnvironment() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("node.properties"),
            "pg-port=6000\nadmin-port=6001\nrole=slave\nmaster=10.1.2.3:7432\n"
                + "replication-secret=0123456789abcdef\n");
    Map<String, String> env =
        Map.of(
            "DISTDB_PG_PORT",
            "7000",
            "DISTDB_ADMIN_PORT",
            "7001",
            "DISTDB_USER",
            "alice",
            "DISTDB_PASSWORD",
            "pw");
    NodeConfig c =
        NodeOptions.parse(new String[] {"--config", file.toString(), "--pg-port", "5555"}, env)
            .toConfig();
    assertThat(c.pgPort()).isEqualTo(5555);
    assertThat(c.adminPort()).isEqualTo(6001);
    assertThat(c.role()).isEqualTo(Role.SLAVE);
    assertThat(c.user()).isEqualTo("alice");
    assertThat(c.password()).isEqualTo("pw");
    assertThat(c.lockTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.replication().masterHost()).isEqualTo("10.1.2.3");
    assertThat(c.replication().masterPort()).isEqualTo(7432);
  }

  @Test
  void clientLimitsAdminTokenAndIncarnation() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "t0ken\n");
    Map<String, String> env =
        Map.of(
            "DISTDB_PASSWORD",
            "pw",
            io.distdb.adminapi.NodeEnvironment.ADMIN_TOKEN_FILE,
            token.toString(),
            io.distdb.adminapi.NodeEnvironment.STATEMENT_TIMEOUT_MS,
            "1500",
            io.distdb.adminapi.NodeEnvironment.INCARNATION,
            "pod-uid-1");
    NodeConfig c = NodeOptions.parse(new String[] {"--max-connections", "20"}, env).toConfig();
    assertThat(c.clientLimits().maxConnections()).isEqualTo(20);
    assertThat(c.clientLimits().reservedConnections()).isEqualTo(3);
    assertThat(c.clientLimits().reservedFrom()).containsExactly("127.0.0.1", "::1");
    assertThat(c.clientLimits().authenticationTimeoutMillis()).isEqualTo(60_000);
    assertThat(c.clientLimits().statementTimeoutMillis()).isEqualTo(1500);
    assertThat(c.adminToken()).isEqualTo("t0ken");
    assertThat(c.incarnation()).isEqualTo("pod-uid-1");
    NodeConfig defaults =
        NodeOptions.parse(new String[0], Map.of("DISTDB_PASSWORD", "pw")).toConfig();
    assertThat(defaults.adminToken()).isNull();
    assertThat(defaults.incarnation()).isNotBlank();
    assertThatThrownBy(
            () ->
                NodeOptions.parse(
                        new String[] {"--max-connections", "3", "--reserved-connections", "3"},
                        Map.of("DISTDB_PASSWORD", "pw"))
                    .toConfig())
        .hasMessageContaining("--reserved-connections");
  }

  @Test
  void slavesNeedAMasterAndASecret() {
    Map<String, String> env = Map.of("DISTDB_PASSWORD", "pw");
    assertThatThrownBy(() -> NodeOptions.parse(new String[] {"--role", "slave"}, env).toConfig())
        .hasMessageContaining("--master");
    assertThatThrownBy(
            () ->
                NodeOptions.parse(new String[] {"--role", "slave", "--master", "m:7432"}, env)
                    .toConfig())
        .hasMessageContaining("replication secret");
    assertThatThrownBy(
            () ->
                NodeOptions.parse(
                        new String[] {
                          "--role", "slave", "--master", "m:7432", "--replication-secret", "short"
                        },
                        env)
                    .toConfig())
        .hasMessageContaining("at least 16");
    assertThatThrownBy(
            () ->
                NodeOptions.parse(
                        new String[] {
                          "--role",
                          "slave",
                          "--master",
                          "no-port",
                          "--replication-secret",
                          "0123456789abcdef"
                        },
                        env)
                    .toConfig())
        .hasMessageContaining("host:port");
    assertThatThrownBy(
            () -> NodeOptions.parse(new String[] {"--sync-mode", "sometimes"}, env).toConfig())
        .hasMessageContaining("--sync-mode");
  }

  @Test
  void passwordFileWinsAndIsTrimmed() throws Exception {
    Path pw = Files.writeString(dir.resolve("pw"), "  from-file \n");
    NodeConfig c =
        NodeOptions.parse(
                new String[] {"--password-file", pw.toString()}, Map.of("DISTDB_PASSWORD", "env"))
            .toConfig();
    assertThat(c.password()).isEqualTo("from-file");
  }

  @Test
  void scramWithoutPasswordIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> NodeOptions.parse(new String[0], Map.of()).toConfig())
        .hasMessageContaining("needs a password");
    assertThat(NodeOptions.parse(new String[] {"--auth", "trust"}, Map.of()).toConfig().trustAuth())
        .isTrue();
  }

  @Test
  void badValuesAreRefused() {
    Map<String, String> env = Map.of("DISTDB_PASSWORD", "pw");
    assertThatThrownBy(() -> NodeOptions.parse(new String[] {"--role", "boss"}, env).toConfig())
        .hasMessageContaining("--role");
    assertThatThrownBy(() -> NodeOptions.parse(new String[] {"--pg-port", "70000"}, env).toConfig())
        .hasMessageContaining("--pg-port");
    assertThatThrownBy(() -> NodeOptions.parse(new String[] {"--pg-port", "abc"}, env))
        .isInstanceOf(picocli.CommandLine.ParameterException.class);
    assertThatThrownBy(() -> NodeOptions.parse(new String[] {"--no-such-option"}, env))
        .isInstanceOf(picocli.CommandLine.ParameterException.class);
  }

  @Test
  void usageListsEveryOptionWithItsDefault() {
    String usage = NodeOptions.usage();
    assertThat(usage)
        .contains(
            "--data-dir",
            "--pg-port",
            "--admin-port",
            "--role",
            "--config",
            "default: 5432",
            "DISTDB_");
  }
}
