package org.rrp.workflow.security;

import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Empties the {@link VerifiedCredentials} around every identity operation (a user saved or deleted, a password
 * changed, a group, membership or tenant changed, a user unlocked): before it, and again once it has committed, so no
 * call after the change is answered from what was verified before it.
 */
class IdentityChanges extends CommandInterceptor {

  private final VerifiedCredentials credentials;

  IdentityChanges(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!(command instanceof AbstractWritableIdentityServiceCmd<?> || command instanceof UnlockUserCmd)) {
      return next.execute(command);
    }
    credentials.forgetAll();
    try {
      return next.execute(command);
    } finally {
      credentials.forgetAll();
    }
  }
}
