package io.distdb.node.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it: the config file (key =
 * option name without dashes, e.g. {@code pg-port=5433}), then the environment ({@code
 * DISTDB_PG_PORT}), then the built-in default.
 */
final class NodeDefaults implements IDefaultValueProvider {

  private final Properties file;
  private final Map<String, String> env;
  private final Map<String, String> builtIn;

  NodeDefaults(Path configFile, Map<String, String> env, Map<String, String> builtIn) {
    this.file = load(configFile);
    this.env = env;
    this.builtIn = builtIn;
  }

  private static Properties load(Path configFile) {
    Properties p = new Properties();
    if (configFile != null) {
      try (Reader r = Files.newBufferedReader(configFile)) {
        p.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read config file " + configFile + ": " + e.getMessage(), e);
      }
    }
    return p;
  }

  /** {@code --pg-port} → {@code DISTDB_PG_PORT}. */
  static String envName(String option) {
    return "DISTDB_" + option.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String key = option.longestName().replaceFirst("^--", "");
    String value = file.getProperty(key);
    if (value == null) {
      value = env.get(envName(key));
    }
    return value != null ? value : builtIn.get(key);
  }
}
