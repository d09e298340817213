package io.tradingcore.ports.out;

import java.util.List;

/**
 * Which worker ran which attempt of a queued task, and how it ended; written outside the task's own work
 * (autocommit), so a failed attempt is recorded too.
 */
public interface WorkerAttemptLog {

    /** One attempt; {@code outcome} and {@code finishedAt} are null while it runs or when its worker died. */
    record Attempt(long id, String task, String instance, String worker, String startedAt, String finishedAt, String outcome,
                   String detail) {
    }

    /** Records the start of an attempt; returns its id. */
    long started(String task, String instance, String worker);

    /** Records the end of attempt {@code id}: done or failed, with a one-line detail. */
    void finished(long id, boolean done, String detail);

    /** The latest {@code limit} attempts, newest first. */
    List<Attempt> latest(int limit);

    /** Tasks of the given names still queued (queued, running, or held by a dead worker). */
    long pending(List<String> taskNames);
}
