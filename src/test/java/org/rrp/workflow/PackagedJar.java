package org.rrp.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The application as the build packages it (target/rrp-workflow-*.jar), for the tests and benchmark that start nodes. */
public final class PackagedJar {

  private PackagedJar() {
  }

  /** The packaged jar; fails with what to do when the build has not packaged it yet. */
  public static Path find() {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("rrp-workflow-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("package the application first (mvn verify)"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list target/ for the packaged jar", e);
    }
  }
}
