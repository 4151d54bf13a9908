package org.rrp.workflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.PackagedJar;

/**
 * The faster start of the README's production section holds for this release's jar: it extracts, one training run
 * writes a class data sharing archive, a JVM maps that archive for the extracted jar, and one given an archive that
 * is not its own, or a copy of both at another path, says so and starts the slow way. (How much faster is the
 * benchmark's question, not a test's.)
 */
class ClassDataSharingIT {

  private static ClassDataSharing.Layout layout;

  @BeforeAll
  static void extractAndTrain() throws Exception {
    layout = ClassDataSharing.prepare(PackagedJar.find(), Path.of("target", "cds-it", "rrp"));
  }

  @Test
  void theTrainingRunArchivesTheApplicationsClasses() throws IOException {
    assertThat(Files.size(layout.archive())).as("archive size").isGreaterThan(20L * 1024 * 1024);
    assertThat(layout.jar()).exists();
    assertThat(layout.jar().resolveSibling("lib")).isDirectoryContaining(p -> p.toString().contains("camunda-engine-"));
  }

  @Test
  void theApplicationStartsFromTheExtractedJarWithItsArchiveMapped() throws Exception {
    // -Xshare:on: a JVM that cannot map the archive exits instead of starting without it
    List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-Xshare:on", "-Xlog:cds=info"));
    command.addAll(layout.javaOptions());
    command.addAll(ClassDataSharing.trainingRun(layout.jar()));
    Run run = run(command);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("Mapped dynamic region").contains("Process Engine default created", "The release deployed")
        .doesNotContain("Application run failed");
  }

  @Test
  void aJarTheArchiveWasNotMadeForStartsWithoutIt() throws Exception {
    // the packaged jar's own tools mode lists its commands and exits; the JVM tries the archive before any of it runs
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(layout.javaOptions());
    command.addAll(List.of("-Djarmode=tools", "-jar", PackagedJar.find().toAbsolutePath().toString(), "help"));
    Run run = run(command);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("Unable to use shared archive").contains("Available commands");
  }

  @Test
  void aCopyAtAnotherPathStartsWithoutTheArchive() throws Exception {
    Path copy = Path.of("target", "cds-it", "copied");
    NodeBench.deleteRecursively(copy);
    try (var files = Files.walk(layout.jar().getParent())) {
      for (Path from : files.toList()) {
        Files.copy(from, copy.resolve(layout.jar().getParent().relativize(from).toString()));
      }
    }
    // the JVM checks the archive before the application runs (which then stops here: no administrator password)
    Run run = run(List.of("java", "-XX:SharedArchiveFile=" + copy.resolve("rrp.jsa").toAbsolutePath(), "-jar",
        copy.resolve(layout.jar().getFileName()).toAbsolutePath().toString()), null);
    assertThat(run.output()).contains("Unable to use shared archive").contains("No administrator password is configured");
  }

  record Run(int exitCode, String output) {
  }

  private static Run run(List<String> command) throws Exception {
    return run(command, ClassDataSharing.TRAINING_ADMIN_PASSWORD);
  }

  /** Runs the command to its end; {@code adminPassword} null runs it without one. */
  private static Run run(List<String> command, String adminPassword) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (adminPassword == null) {
      builder.environment().remove("RRP_ADMIN_PASSWORD");
    } else {
      builder.environment().put("RRP_ADMIN_PASSWORD", adminPassword);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
