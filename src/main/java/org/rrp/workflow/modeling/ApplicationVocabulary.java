package org.rrp.workflow.modeling;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rrp.workflow.casework.VariableNames;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@link ModelVocabulary} from the running application, so that models of features added later (their
 * delegates, listeners and {@code *Variables} classes) are accepted without a change here:
 * <ul>
 * <li>delegate and listener beans: beans declared by the project's own classes that are a {@link JavaDelegate},
 * {@link ExecutionListener} or {@link TaskListener};</li>
 * <li>helper beans: the project beans named in {@code rrp.modeling.expression-helpers};</li>
 * <li>case variables: the names each {@code org.rrp.workflow..*Variables} class declares, plus
 * {@code rrp.modeling.expression-variables} (variables the engine plugins set, such as the task watch's).</li>
 * </ul>
 */
@Component
class ApplicationVocabulary {

  static final String PROJECT_PACKAGE = "org.rrp.workflow";
  private static final Pattern VARIABLES_CLASS = Pattern.compile(".*Variables");

  private final ConfigurableListableBeanFactory beans;
  private final List<String> helpers;
  private final List<String> extraVariables;
  private volatile ModelVocabulary vocabulary;

  ApplicationVocabulary(ConfigurableListableBeanFactory beans,
      @Value("${rrp.modeling.expression-helpers:}") List<String> helpers,
      @Value("${rrp.modeling.expression-variables:}") List<String> extraVariables) {
    this.beans = beans;
    this.helpers = helpers;
    this.extraVariables = extraVariables;
  }

  ModelVocabulary vocabulary() {
    if (vocabulary == null) {
      vocabulary = read();
    }
    return vocabulary;
  }

  private ModelVocabulary read() {
    Set<String> delegates = new HashSet<>();
    Map<String, Class<?>> helperBeans = new HashMap<>();
    Set<String> others = new HashSet<>();
    for (String name : beans.getBeanDefinitionNames()) {
      others.add(name);
      if (declaredByProject(name) && (isA(name, JavaDelegate.class) || isA(name, ExecutionListener.class)
          || isA(name, TaskListener.class))) {
        delegates.add(name);
      }
    }
    others.addAll(List.of(beans.getSingletonNames()));
    for (String helper : helpers) {
      String name = helper.trim();
      if (name.isEmpty()) {
        continue;
      }
      Class<?> type = beans.containsBean(name) ? beans.getType(name, false) : null;
      if (type == null || !type.getName().startsWith(PROJECT_PACKAGE + ".")) {
        throw new IllegalStateException("rrp.modeling.expression-helpers names '" + name
            + "', which is not a bean of the application's own classes");
      }
      helperBeans.put(name, type);
    }
    others.removeAll(delegates);
    others.removeAll(helperBeans.keySet());
    Set<String> variables = new HashSet<>(caseVariableNames());
    extraVariables.stream().map(String::trim).filter(name -> !name.isEmpty()).forEach(variables::add);
    return new ModelVocabulary(delegates, helperBeans, variables, others);
  }

  private boolean isA(String name, Class<?> type) {
    Class<?> beanType = beans.getType(name, false);
    return beanType != null && type.isAssignableFrom(beanType);
  }

  private boolean declaredByProject(String name) {
    BeanDefinition definition = ((DefaultListableBeanFactory) beans).getMergedBeanDefinition(name);
    String declaringClass = definition.getBeanClassName();
    if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
      declaringClass = annotated.getFactoryMethodMetadata().getDeclaringClassName();
    } else if (definition.getFactoryBeanName() != null) {
      BeanDefinition factory = ((DefaultListableBeanFactory) beans).getMergedBeanDefinition(definition.getFactoryBeanName());
      declaringClass = factory.getBeanClassName();
    }
    return declaringClass != null && declaringClass.startsWith(PROJECT_PACKAGE + ".");
  }

  /** The variable names the project's {@code *Variables} classes declare (as the architecture test reads them). */
  static Set<String> caseVariableNames() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new RegexPatternTypeFilter(VARIABLES_CLASS));
    Set<String> names = new HashSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(PROJECT_PACKAGE)) {
      try {
        names.addAll(VariableNames.declaredIn(Class.forName(candidate.getBeanClassName())));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }

}
