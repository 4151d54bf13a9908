package org.rrp.workflow.reminder;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A deadline watch that failed (e.g. the SMTP server was down) is tried again after 1 minute, 10 minutes and
 * 1 hour, as the models' own email steps are ({@code failedJobRetryTimeCycle}); then an incident shows in Cockpit on
 * the case. Every other job keeps the engine's retry rules.
 */
class DeadlineWatchRetryCmd extends DefaultJobRetryCmd {

  static final List<Duration> RETRY_AFTER = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1));

  DeadlineWatchRetryCmd(String jobId, Throwable exception) {
    super(jobId, exception);
  }

  static Command<Object> orEngine(String jobId, Throwable exception, FailedJobCommandFactory engine) {
    return commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      Command<Object> retry = job != null && DeadlineWatch.JOB_TYPE.equals(job.getJobHandlerType())
          ? new DeadlineWatchRetryCmd(jobId, exception) : engine.getCommand(jobId, exception);
      return retry.execute(commandContext);
    };
  }

  @Override
  public Object execute(CommandContext commandContext) {
    JobEntity job = getJob();
    if (job == null || !DeadlineWatch.JOB_TYPE.equals(job.getJobHandlerType())) {
      return super.execute(commandContext);
    }
    if (isFirstJobExecution(job)) {
      job.setRetries(RETRY_AFTER.size() + 1);
    }
    // retries left before this failure: 4 on the first failure, then 3, 2; 1 is the last try.
    int failuresSoFar = RETRY_AFTER.size() + 1 - job.getRetries();
    Duration wait = RETRY_AFTER.get(Math.min(failuresSoFar, RETRY_AFTER.size() - 1));
    job.setLockExpirationTime(new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis()));
    logException(job);
    decrementRetries(job);
    notifyAcquisition(commandContext);
    return null;
  }
}
