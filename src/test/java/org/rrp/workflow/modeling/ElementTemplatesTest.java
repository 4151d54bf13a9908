package org.rrp.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The element templates coordinators place in Modeler ({@code .camunda/element-templates/}): each is valid by
 * Camunda's published schema, names a delegate bean the application has, sets exactly the inputs that bean reads,
 * and what it produces passes the deploy check; and every delegate of the application has a template.
 */
@EngineTest
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of(".camunda", "element-templates");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_BINDINGS = Set.of("camunda:inputParameter", "camunda:field", "camunda:in");

  @Autowired
  ApplicationVocabulary vocabulary;
  @Autowired
  ConfigurableListableBeanFactory beans;

  @Test
  void everyTemplateIsValidByThePublishedSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/element-templates-schema/schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    List<String> invalid = new ArrayList<>();
    for (Path file : templateFiles()) {
      Set<ValidationMessage> messages = schema.validate(JSON.readTree(file.toFile()));
      messages.forEach(message -> invalid.add(file.getFileName() + ": " + message.getMessage()));
    }
    assertThat(templateFiles()).isNotEmpty();
    assertThat(invalid).isEmpty();
  }

  @Test
  void theSchemaCheckCanFail() {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(getClass().getResourceAsStream("/element-templates-schema/schema.json"));
    JsonNode broken = JSON.createObjectNode().put("name", "No id, no appliesTo, no properties");
    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @Test
  void everyTemplateNamesADelegateOfTheApplicationAndSetsExactlyTheInputsItReads() throws IOException {
    ModelVocabulary known = vocabulary.vocabulary();
    for (Path file : templateFiles()) {
      JsonNode template = JSON.readTree(file.toFile());
      String bean = delegateBean(template);
      assertThat(bean).as(file + ": a hidden camunda:delegateExpression ${bean}").isNotNull();
      assertThat(known.delegateBeans()).as(file + ": the bean it names").contains(bean);
      assertThat(beans.isTypeMatch(bean, JavaDelegate.class)).as(file + ": a service task's delegate").isTrue();
      // The application's delegates read the case's variables (named in the *Variables classes) through CaseFile,
      // not input parameters: a template that set inputs would set values no delegate reads.
      assertThat(inputsSet(template)).as(file + ": inputs set").isEqualTo(inputsRead(bean));
    }
  }

  @Test
  void everyDelegateOfTheApplicationHasATemplate() throws IOException {
    Set<String> templated = new TreeSet<>();
    for (Path file : templateFiles()) {
      templated.add(delegateBean(JSON.readTree(file.toFile())));
    }
    Set<String> delegates = new TreeSet<>();
    for (String bean : vocabulary.vocabulary().delegateBeans()) {
      if (beans.isTypeMatch(bean, JavaDelegate.class)) {
        delegates.add(bean);
      }
    }
    assertThat(templated).containsAll(delegates);
  }

  @Test
  void whatEachTemplateProducesPassesTheDeployCheck() throws IOException {
    DeploymentCheck check = new DeploymentCheck(vocabulary.vocabulary(), new DecisionTableCheck(new DecisionExamples()));
    for (Path file : templateFiles()) {
      JsonNode template = JSON.readTree(file.toFile());
      StringBuilder attributes = new StringBuilder();
      for (JsonNode property : template.get("properties")) {
        JsonNode binding = property.get("binding");
        if ("property".equals(binding.get("type").asText())) {
          attributes.append(' ').append(binding.get("name").asText()).append("=\"")
              .append(property.get("value").asText()).append('"');
        }
      }
      String model = ModelerDeployTest.process("templated",
          "<bpmn:serviceTask id=\"Task_Templated\"" + attributes + "/>");
      assertThat(check.problems(Map.of("templated.bpmn", model.getBytes(StandardCharsets.UTF_8)), new AnyGroupAnyForm()))
          .as(file.toString()).isEmpty();
    }
  }

  private static String delegateBean(JsonNode template) {
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      if ("camunda:delegateExpression".equals(binding.path("name").asText())) {
        String value = property.path("value").asText();
        return value.startsWith("${") && value.endsWith("}") ? value.substring(2, value.length() - 1) : null;
      }
    }
    return null;
  }

  private static Set<String> inputsSet(JsonNode template) {
    Set<String> inputs = new TreeSet<>();
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      if (INPUT_BINDINGS.contains(binding.get("type").asText())) {
        inputs.add(binding.path("name").asText(binding.path("target").asText()));
      }
    }
    return inputs;
  }

  /** Input parameters a delegate reads as its own (local) inputs: none of the application's does today. */
  private static Set<String> inputsRead(String bean) {
    return Set.of();
  }

  private static List<Path> templateFiles() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static final class AnyGroupAnyForm implements DeploymentCheck.Lookups {
    @Override
    public boolean groupExists(String groupId) {
      return true;
    }

    @Override
    public boolean formDeployed(String formId) {
      return true;
    }
  }
}
