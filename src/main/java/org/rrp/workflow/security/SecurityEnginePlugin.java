package org.rrp.workflow.security;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.LoggerContext;

/**
 * The engine's side of need-to-know under attack:
 * <ul>
 *   <li>task authorizations follow the task's links as they are now ({@link TaskAccessRevocation});</li>
 *   <li>when a case (any process instance) ends, every authorization on it goes, whatever granted it;</li>
 *   <li>a password policy for every user, the administrator included (off in the demo, whose password is {@code demo});</li>
 *   <li>JSON and Java object variables deserialize only the types the application uses;</li>
 *   <li>no lock-out of a user after wrong passwords: an anonymous client could keep anyone out. Guessing is slowed
 *   per client address instead ({@link LoginThrottle});</li>
 *   <li>a refused form is logged as one line ({@link RefusedInputs});</li>
 *   <li>REST callers' verified credentials are forgotten at every identity change ({@link IdentityChanges}).</li>
 * </ul>
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  /** Plain collections and values: what JSON variables of Camunda Forms and the application hold. */
  static final Set<String> DESERIALIZATION_ALLOWED_CLASSES = Set.of("java.util.ArrayList", "java.util.LinkedList",
      "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
      "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.Date", "java.util.Collections$UnmodifiableRandomAccessList",
      "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
      "java.util.ImmutableCollections$MapN", "java.util.ImmutableCollections$Map1");

  private final boolean passwordPolicy;
  private final VerifiedCredentials verifiedCredentials;

  SecurityEnginePlugin(@Value("${rrp.security.password-policy:true}") boolean passwordPolicy,
      VerifiedCredentials verifiedCredentials) {
    this.passwordPolicy = passwordPolicy;
    this.verifiedCredentials = verifiedCredentials;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskAccessRevocation());
    configuration.setEnablePasswordPolicy(passwordPolicy);
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationAllowedPackages("");
    configuration.setDeserializationAllowedClasses(String.join(",", DESERIALIZATION_ALLOWED_CLASSES));
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);

    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired()
        .add(0, new RefusedInputs.Interceptor(configuration::getIdentityService));
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new IdentityChanges(verifiedCredentials));
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) SecurityEnginePlugin::revokeCaseAccess);
      }
    });
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging
        && logging.getTurboFilterList().stream().noneMatch(RefusedInputLogFilter.class::isInstance)) {
      RefusedInputLogFilter filter = new RefusedInputLogFilter();
      filter.start();
      logging.addTurboFilter(filter);
    }
  }

  /** When a process instance ends (completed or cancelled), nobody keeps a grant on it. */
  static void revokeCaseAccess(DelegateExecution execution) {
    if (execution.getId().equals(execution.getProcessInstanceId())) {
      Context.getCommandContext().getAuthorizationManager()
          .deleteAuthorizationsByResourceId(Resources.PROCESS_INSTANCE, execution.getProcessInstanceId());
    }
  }
}
