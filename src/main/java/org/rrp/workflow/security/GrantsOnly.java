package org.rrp.workflow.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.rrp.workflow.casework.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Access here is granted, never denied: need-to-know is held by grants alone (a grant on each task, case or journey,
 * taken back when it no longer applies), and a revoke authorization, which would deny what a group's grant allows, is
 * refused wherever one is made: the Admin webapp, the REST API or the Java API. That saves two queries in every command
 * that checks a person's access (about half of a case's reads of the authorization table):
 * <ul>
 * <li>whether any revoke authorization concerns the person (the engine's {@code authorizationCheckRevokes = auto}): none
 * can, so the checks are made with revokes off ({@code never}). A database that already holds revoke authorizations
 * when a node starts keeps the engine's {@code auto}, and the node says so in one line;</li>
 * <li>which of the person's groups hold any authorization, asked only to leave the others out of the checks: a group
 * that holds none matches no authorization row, so every check answers the same with all of the person's groups.</li>
 * </ul>
 */
@Component
class GrantsOnly extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(GrantsOnly.class);
  static final String REVOKE_REFUSED = "A revoke authorization is not used here: take the permission away from the "
      + "user's or group's grant instead.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new Managers());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getSessionFactories().get(AuthorizationManager.class) instanceof Managers)) {
      throw new IllegalStateException("The grants-only authorization manager was not installed");
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    chooseRevokeChecks(engine);
  }

  /** Revoke checks off, unless the database holds revoke authorizations made before they were refused. */
  static void chooseRevokeChecks(ProcessEngine engine) {
    long revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    ProcessEngineConfiguration configuration = engine.getProcessEngineConfiguration();
    if (revokes == 0) {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    } else {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      LOG.warn("{} revoke authorizations are in the database, so every access check also asks for them; delete them "
          + "(Admin, Authorizations) and take the permissions away from the grants instead", revokes);
    }
  }

  /** Opens a {@link Manager} wherever the engine asks for its authorization manager. */
  static final class Managers implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager();
    }
  }

  /** The engine's authorization manager, refusing revoke authorizations and checking with all of a person's groups. */
  static final class Manager extends AuthorizationManager {

    @Override
    public Authorization createNewAuthorization(int type) {
      refuseRevoke(type);
      return super.createNewAuthorization(type);
    }

    @Override
    public void insert(DbEntity authorization) {
      if (authorization instanceof AuthorizationEntity entity) {
        refuseRevoke(entity.getAuthorizationType());
      }
      super.insert(authorization);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
      refuseRevoke(authorization.getAuthorizationType());
      super.update(authorization);
    }

    /** The person's groups, once each: those holding no authorization match none in the checks. */
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return new ArrayList<>();
      }
      List<String> groups = new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
      groups.removeIf(Objects::isNull);
      return groups;
    }

    private static void refuseRevoke(int type) {
      if (type == Authorization.AUTH_TYPE_REVOKE) {
        throw new RevokeRefused();
      }
    }
  }

  /** A refused revoke authorization: 400 with one sentence on both doors of the API, one line in the log. */
  static final class RevokeRefused extends InvalidInputException {
    RevokeRefused() {
      super(List.of(REVOKE_REFUSED), REVOKE_REFUSED);
    }
  }
}
