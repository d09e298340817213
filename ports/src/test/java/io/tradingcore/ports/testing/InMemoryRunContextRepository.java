package io.tradingcore.ports.testing;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * run_context in memory. Ownership of a STARTED run lasts until {@link #finish} or {@link #abandon}
 * (which simulates the owning process dying), standing in for an advisory lock or lease.
 */
public final class InMemoryRunContextRepository implements io.tradingcore.ports.out.RunContextRepository {
    private record Key(AccountId account, RunMode mode, HourTs hour) {
    }

    private final Map<Key, RunContext> byKey = new LinkedHashMap<>();
    private final Map<RunId, Key> byId = new LinkedHashMap<>();
    private final Map<RunId, StepHashes> hashes = new LinkedHashMap<>();
    private final Set<RunId> owned = new HashSet<>();

    @Override
    public synchronized RunStart start(RunContext proposed) {
        if (proposed.status() != RunStatus.STARTED) {
            throw new IllegalArgumentException("a run starts as STARTED, not " + proposed.status());
        }
        Key k = new Key(proposed.account(), proposed.mode(), proposed.hour());
        RunContext existing = byKey.get(k);
        if (existing == null) {
            if (byId.containsKey(proposed.runId())) {
                throw new IllegalStateException("run id " + proposed.runId() + " already used for another hour");
            }
            byKey.put(k, proposed);
            byId.put(proposed.runId(), k);
            owned.add(proposed.runId());
            return new RunStart.Started(proposed);
        }
        if (existing.status().isFinal()) {
            return new RunStart.AlreadyFinished(existing);
        }
        if (existing.status() == RunStatus.STARTED && owned.contains(existing.runId())) {
            return new RunStart.Busy(existing);
        }
        RunContext resumed = existing.status() == RunStatus.FAILED ? existing.moveTo(RunStatus.STARTED, proposed.startedAt()) : existing;
        byKey.put(k, resumed);
        owned.add(resumed.runId());
        return new RunStart.Resumed(resumed);
    }

    @Override
    public synchronized void finish(RunId runId, RunStatus terminal, Instant at, StepHashes stepHashes) {
        Key k = byId.get(runId);
        if (k == null) {
            throw new NoSuchElementException("unknown run " + runId);
        }
        RunContext cur = byKey.get(k);
        if (cur.status() != RunStatus.STARTED || terminal == RunStatus.STARTED) {
            throw new IllegalStateException("run " + runId + " cannot finish " + cur.status() + " -> " + terminal);
        }
        byKey.put(k, cur.moveTo(terminal, at));
        hashes.put(runId, stepHashes);
        owned.remove(runId);
    }

    /** Simulates the owning process dying mid-cycle: the run stays STARTED but can be resumed. */
    public synchronized void abandon(RunId runId) {
        owned.remove(runId);
    }

    @Override
    public synchronized Optional<RunContext> find(AccountId account, RunMode mode, HourTs hour) {
        return Optional.ofNullable(byKey.get(new Key(account, mode, hour)));
    }

    @Override
    public synchronized Optional<StepHashes> stepHashes(RunId runId) {
        return Optional.ofNullable(hashes.get(runId));
    }

    @Override
    public synchronized List<RunContext> runsOfBacktest(BacktestRunId backtestRunId) {
        List<RunContext> out = new ArrayList<>();
        for (RunContext c : byKey.values()) {
            if (backtestRunId.equals(c.backtestRunId())) {
                out.add(c);
            }
        }
        out.sort((a, b) -> a.hour().compareTo(b.hour()));
        return out;
    }

    @Override
    public synchronized List<RunContext> runsOfAccount(AccountId account, RunMode mode) {
        List<RunContext> out = new ArrayList<>();
        for (RunContext c : byKey.values()) {
            if (c.account().equals(account) && c.mode() == mode) {
                out.add(c);
            }
        }
        out.sort((a, b) -> a.hour().compareTo(b.hour()));
        return out;
    }

    /** Every run, in insertion order. */
    public synchronized List<RunContext> all() {
        return new ArrayList<>(byKey.values());
    }
}
