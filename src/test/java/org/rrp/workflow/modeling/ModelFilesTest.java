package org.rrp.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * Reading a DMN file's decision ids as plain XML, which the release rule does at every start: the same ids the DMN
 * model API reads, for every bundled table and for the older DMN versions the engine accepts; nothing for what is
 * not a DMN file or would expand a document type.
 */
class ModelFilesTest {

  @Test
  void everyBundledDecisionTableGivesTheIdsTheModelApiReads() throws IOException {
    List<Path> tables;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      tables = files.filter(file -> ModelFiles.isDmn(file.toString())).sorted().toList();
    }
    assertThat(tables).isNotEmpty();
    for (Path table : tables) {
      byte[] bytes = Files.readAllBytes(table);
      List<String> byModelApi = Dmn.readModelFromStream(new ByteArrayInputStream(bytes))
          .getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
      assertThat(ModelFiles.decisionIds(bytes)).as(table.toString()).isNotEmpty().containsExactlyElementsOf(byModelApi);
    }
  }

  @Test
  void readsEveryDecisionOfOlderDmnVersions() {
    assertThat(ModelFiles.decisionIds(dmn("http://www.omg.org/spec/DMN/20151101/dmn.xsd", "first", "second")))
        .containsExactly("first", "second");
    assertThat(ModelFiles.decisionIds(dmn("http://www.omg.org/spec/DMN/20180521/MODEL/", "only")))
        .containsExactly("only");
  }

  @Test
  void readsNothingFromWhatIsNotADecisionTable() {
    assertThat(ModelFiles.decisionIds(dmn("http://www.omg.org/spec/BPMN/20100524/MODEL", "decision"))).isEmpty();
    assertThat(ModelFiles.decisionIds("not xml at all".getBytes(StandardCharsets.UTF_8))).isEmpty();
    String withDoctype = "<?xml version=\"1.0\"?><!DOCTYPE definitions [<!ENTITY id \"expanded\">]>"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"n\">"
        + "<decision id=\"&id;\" name=\"n\"/></definitions>";
    assertThat(ModelFiles.decisionIds(withDoctype.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void aFilesKindIsWhatTheEnginesDeployersTakeItFor() {
    assertThat(List.of("referral.bpmn", "p.bpmn20.xml", "p_sfx_bpmn", "dir/xbpmn")).allMatch(ModelFiles::isBpmn);
    assertThat(List.of("area.dmn", "area.dmn11.xml", "dsfx_dmn")).allMatch(ModelFiles::isDmn);
    assertThat(List.of("triage-request.form", "platform")).allMatch(ModelFiles::isForm);
    for (String other : List.of("SHOUTED.BPMN", "referral.bpmn.html", "evil.html", "case.cmmn", "dmn.txt")) {
      assertThat(ModelFiles.isBpmn(other) || ModelFiles.isDmn(other) || ModelFiles.isForm(other)).as(other).isFalse();
    }
  }

  private static byte[] dmn(String namespace, String... decisionIds) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"")
        .append(namespace).append("\" id=\"definitions\" name=\"Tables\" namespace=\"http://example.org/rrp\">");
    for (String id : decisionIds) {
      xml.append("<decision id=\"").append(id).append("\" name=\"A table\"/>");
    }
    return xml.append("</definitions>").toString().getBytes(StandardCharsets.UTF_8);
  }
}
