package io.augmill.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CliSupportTest {

  private static final String[] PROPERTIES = {"org.slf4j.simpleLogger.defaultLogLevel", "org.slf4j.simpleLogger.logFile",
      "org.slf4j.simpleLogger.log.example.Noisy", "org.slf4j.simpleLogger.log.example.Chosen"};

  @AfterEach
  void clear() {
    for (String p : PROPERTIES) {
      System.clearProperty(p);
    }
  }

  @Test
  void quietLoggingKeepsLibrariesAtWarningsAndSilencedLoggersAtErrors() {
    clear();
    CliSupport.quietLogging("example.Noisy");
    assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("warn");
    assertThat(System.getProperty("org.slf4j.simpleLogger.logFile")).isEqualTo("System.err");
    assertThat(System.getProperty("org.slf4j.simpleLogger.log.example.Noisy")).isEqualTo("error");
  }

  @Test
  void levelsTheUserSetWin() {
    clear();
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    System.setProperty("org.slf4j.simpleLogger.log.example.Chosen", "debug");
    CliSupport.quietLogging("example.Chosen");
    assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("info");
    assertThat(System.getProperty("org.slf4j.simpleLogger.log.example.Chosen")).isEqualTo("debug");
  }
}
