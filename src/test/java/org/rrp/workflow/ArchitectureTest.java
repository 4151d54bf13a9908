package org.rrp.workflow;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.casework.VariableNames;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.circle.CircleVariables;
import org.rrp.workflow.referral.ReferralVariables;

/**
 * What a reviewer checks of the code's shape: feature packages do not depend on each other in a circle, the case
 * kernel ({@code casework}) depends on no feature, {@code system} is infrastructure only, and every process
 * variable is named in one place: no string literal of a variable's name outside the class that names it.
 */
class ArchitectureTest {

  static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.rrp.workflow");

  static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("org.rrp.workflow.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theCaseKernelDependsOnNoFeature() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage("..casework..")
        .should().dependOnClassesThat().resideInAnyPackage("..referral..", "..circle..", "..allocation..", "..identity..",
            "..reminder..", "..notification..", "..system..", "..conference..", "..training..")
        .check(MAIN);
  }

  @Test
  void systemIsInfrastructureOnly() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage("..system..")
        .should().dependOnClassesThat().resideInAnyPackage("..referral..", "..circle..", "..allocation..",
            "..reminder..", "..conference..", "..training..")
        .check(MAIN);
  }

  @Test
  void everyVariableIsNamedInOnePlace() throws IOException {
    List<Class<?>> namingClasses = MAIN.stream()
        .filter(type -> type.getSimpleName().endsWith("Variables") && !type.isNestedClass())
        .<Class<?>>map(type -> type.reflect()).toList();
    assertThat(namingClasses).extracting(Class::getSimpleName).contains("CaseVariables", "ReferralVariables", "CircleVariables");

    Set<String> names = new TreeSet<>();
    namingClasses.forEach(type -> names.addAll(VariableNames.declaredIn(type)));
    assertThat(names).contains(CaseVariables.CASE_REFERENCE, CaseVariables.AREA, ReferralVariables.CHILD_DATE_OF_BIRTH, CircleVariables.INITIAL_MEETING_AT);

    Set<String> misplaced = new TreeSet<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
          if (file.getFileName().toString().endsWith("Variables.java")) {
            continue;
          }
          // Text blocks hold data (JSON, SQL, email text), not variable names written as code.
          Matcher literal = STRING_LITERAL.matcher(Files.readString(file).replaceAll("(?s)\"\"\".*?\"\"\"", ""));
          while (literal.find()) {
            if (names.contains(literal.group(1))) {
              misplaced.add(root.relativize(file) + ": \"" + literal.group(1) + "\"");
            }
          }
        }
      }
    }
    assertThat(misplaced).as("variable names written as literals: use the constant of the class that names them")
        .isEmpty();
  }

}
