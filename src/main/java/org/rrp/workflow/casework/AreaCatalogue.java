package org.rrp.workflow.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The districts the team serves and the areas that serve them, read from the one place they are defined: the
 * latest deployed {@value #DECISION} decision table (a rule per district: the district's code as input, its name
 * as the rule's description, and the outputs {@code area} (the area's group id) and {@code areaName}). The forms'
 * district and area options, the demo data's area groups and the triage check all follow from it, so a
 * coordinator who redeploys the table from Modeler changes them all.
 */
@Component("areaCatalogue")
public class AreaCatalogue {

  public static final String DECISION = "area-by-district";
  static final String AREA_NAME = "areaName";

  /** One district: its code (what forms submit), its name, and the area group that serves it. */
  public record District(String code, String name, String area, String areaName) {
  }

  private final LatestDecisionTables<List<District>> tables;

  AreaCatalogue(ProcessEngine engine) {
    this.tables = new LatestDecisionTables<>(engine, (key, model) -> read(model));
  }

  /** The districts in the order of the table's rules. */
  public List<District> districts() {
    return tables.latest(DECISION).orElse(List.of());
  }

  /** Area group id to area name, in the order the table first names them. */
  public Map<String, String> areas() {
    Map<String, String> areas = new LinkedHashMap<>();
    districts().forEach(district -> areas.putIfAbsent(district.area(), district.areaName()));
    return areas;
  }

  public boolean isArea(String groupId) {
    return areas().containsKey(groupId);
  }

  /** The areas as a select's options, by name. */
  public List<Map<String, String>> areaOptionList() {
    return areas().entrySet().stream().map(area -> option(area.getValue(), area.getKey())).toList();
  }

  /** The districts as a select's options, by name. */
  public List<Map<String, String>> districtOptions() {
    return districts().stream().map(district -> option(district.name(), district.code())).toList();
  }

  private static Map<String, String> option(String label, String value) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

  static List<District> read(DmnModelInstance model) {
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int areaColumn = column(outputs, CaseVariables.AREA);
    int nameColumn = column(outputs, AREA_NAME);
    List<District> districts = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      String code = unquote(rule.getInputEntries().iterator().next().getTextContent());
      List<String> entries = rule.getOutputEntries().stream().map(entry -> unquote(entry.getTextContent())).toList();
      String area = entries.get(areaColumn);
      String name = rule.getDescription() == null ? code : rule.getDescription().getTextContent().strip();
      districts.add(new District(code, name, area, nameColumn < 0 ? area : entries.get(nameColumn)));
    }
    return List.copyOf(districts);
  }

  private static int column(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String text) {
    String value = text == null ? "" : text.strip();
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
  }
}
