package org.rrp.workflow;

import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;

/** Engine calls made as one user with their groups, so the engine checks that user's authorizations. */
public final class AsUser {

  private AsUser() {
  }

  public static <T> T as(ProcessEngine engine, String userId, Callable<T> work) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return Unchecked.call(work);
    } finally {
      identity.clearAuthentication();
    }
  }
}
