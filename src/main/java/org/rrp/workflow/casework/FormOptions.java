package org.rrp.workflow.casework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Option lists that forms take from the server rather than list themselves: a select whose {@code valuesKey} is one
 * of these names is given the current list when Tasklist loads the form (see {@code system.FormOptionsFilter}).
 * Tasklist 7.24 loads no variables for start forms, so this is how a start form's options can follow the
 * coordinators' tables.
 */
@Component
public class FormOptions {

  public static final String DISTRICTS = "districtOptions";
  public static final String AREAS = "areaOptions";

  private final Map<String, Supplier<List<Map<String, String>>>> lists;

  FormOptions(AreaCatalogue areas) {
    this.lists = Map.of(DISTRICTS, areas::districtOptions, AREAS, areas::areaOptionList);
  }

  /** The options ({@code label}, {@code value}) of the named list, if there is such a list. */
  public Optional<List<Map<String, String>>> list(String name) {
    return Optional.ofNullable(lists.get(name)).map(Supplier::get);
  }
}
