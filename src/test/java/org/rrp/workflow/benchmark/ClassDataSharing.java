package org.rrp.workflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The faster start the README's production section describes: Spring Boot's extracted layout of the packaged jar
 * and a class data sharing archive made by one training run of it (the embedded default on an in-memory database,
 * stopped once its context has started), as a release pipeline would make them. A node started with the archive
 * maps the classes the training run loaded instead of reading, verifying and parsing them again.
 */
final class ClassDataSharing {

  /** The extracted jar and its archive. */
  record Layout(Path jar, Path archive) {

    /** The JVM options that start a node with the archive. */
    List<String> javaOptions() {
      return List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }
  }

  /** The training run's own throw-away administrator, on its in-memory database (the password policy applies). */
  static final String TRAINING_ADMIN_PASSWORD = "Training-run-0nly!";

  /**
   * The training run, after its JVM options: the embedded default on an in-memory database of its own, on any free
   * port, stopped once its context has started.
   */
  static List<String> trainingRun(Path jar) {
    return List.of("-Dspring.context.exit=onRefresh", "-jar", jar.toAbsolutePath().toString(),
        "--spring.datasource.url=jdbc:h2:mem:training", "--server.port=0");
  }

  private ClassDataSharing() {
  }

  /** Extracts {@code packaged} into {@code into} and trains the archive there; returns the extracted jar and archive. */
  static Layout prepare(Path packaged, Path into) throws IOException, InterruptedException {
    NodeBench.deleteRecursively(into);
    Files.createDirectories(into.getParent());
    run(into, "extract", List.of("java", "-Djarmode=tools", "-jar", packaged.toAbsolutePath().toString(), "extract",
        "--destination", into.toAbsolutePath().toString()), 120);
    Path jar = into.resolve(packaged.getFileName());
    Path archive = into.resolve("rrp.jsa");
    long start = System.nanoTime();
    List<String> training = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath()));
    training.addAll(trainingRun(jar));
    run(into, "training", training, 300);
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("the training run made no archive: see " + into.resolveSibling("cds-training.log"));
    }
    System.out.printf("benchmark: class data sharing archive of %,d MB trained in %.0f s%n",
        Files.size(archive) / (1024 * 1024), (System.nanoTime() - start) / 1e9);
    return new Layout(jar, archive);
  }

  /** Runs one step of the preparation; its output goes to {@code <dir>-<what>.log} beside {@code dir}. */
  private static void run(Path dir, String what, List<String> command, int seconds)
      throws IOException, InterruptedException {
    Path log = dir.resolveSibling(dir.getFileName() + "-" + what + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("RRP_ADMIN_PASSWORD", TRAINING_ADMIN_PASSWORD);
    Process process = builder.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the " + what + " step took over " + seconds + " s: see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("the " + what + " step failed: see " + log);
    }
  }
}
