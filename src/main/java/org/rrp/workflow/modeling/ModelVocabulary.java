package org.rrp.workflow.modeling;

import java.util.Map;
import java.util.Set;

/**
 * What a deployed model may name in its expressions: the project's delegate and listener beans (only as
 * {@code ${bean}}), the project's helper beans whose own public methods and getters models call
 * ({@code ${deadlines.due('triage')}}), the variables of the case, and every other bean of the application, which a
 * model may not name at all (engine services such as {@code identityService} among them).
 */
record ModelVocabulary(Set<String> delegateBeans, Map<String, Class<?>> helperBeans, Set<String> caseVariables,
    Set<String> otherBeans) {

  ModelVocabulary {
    delegateBeans = Set.copyOf(delegateBeans);
    helperBeans = Map.copyOf(helperBeans);
    caseVariables = Set.copyOf(caseVariables);
    otherBeans = Set.copyOf(otherBeans);
  }

  boolean isBean(String name) {
    return delegateBeans.contains(name) || helperBeans.containsKey(name) || otherBeans.contains(name);
  }

  /** The same vocabulary plus the variables a deployment declares itself (form fields, output mappings). */
  ModelVocabulary withVariables(Set<String> declared) {
    Set<String> variables = new java.util.HashSet<>(caseVariables);
    declared.stream().filter(name -> !isBean(name)).forEach(variables::add);
    return new ModelVocabulary(delegateBeans, helperBeans, variables, otherBeans);
  }
}
