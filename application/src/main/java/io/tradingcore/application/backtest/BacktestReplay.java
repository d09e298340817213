package io.tradingcore.application.backtest;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.DataHashFormat;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.ports.out.BacktestRunRepository.BacktestRunDefinition;
import io.tradingcore.ports.out.ModelTrainer;
import io.tradingcore.ports.service.OodHoldEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Recomputes a stored backtest from its recorded inputs (the stored candles, the stored canonical
 * configuration, seed and window) into an empty scratch store, then compares every hour's step hashes
 * with the stored ones. Models are retrained from the same data and seed, so the replay also proves that
 * training is deterministic.
 */
public final class BacktestReplay {

    /** The outcome: identical, or the first hour and step that differ. */
    public record Outcome(int hoursCompared, Optional<String> firstDifference) {
        public boolean identical() {
            return firstDifference.isEmpty();
        }
    }

    private final Persistence stored;
    private final Persistence scratch;
    private final ModelTrainer trainer;

    /**
     * @param stored  the store holding the backtest
     * @param scratch an empty, migrated store the recomputation writes to (never the stored one)
     */
    public BacktestReplay(Persistence stored, Persistence scratch, ModelTrainer trainer) {
        this.stored = stored;
        this.scratch = scratch;
        this.trainer = trainer;
    }

    /**
     * Every hour recorded for the backtest must be its own (issue 17, item 3): on its account, in BACKTEST mode, inside
     * its window, under the run id its (account, hour) derive; and its account must carry no hour of anything else
     * (another backtest writing into it would otherwise leave a replay of the victim "identical"). One line per
     * offending hour.
     */
    private List<String> hoursNotOwned(BacktestRunDefinition def, List<RunContext> runs) {
        List<String> out = new ArrayList<>();
        for (RunContext rc : runs) {
            String why = null;
            if (!rc.account().equals(def.account())) {
                why = "on account " + rc.account() + ", not the backtest's account " + def.account();
            } else if (rc.mode() != RunMode.BACKTEST) {
                why = "in mode " + rc.mode();
            } else if (rc.hour().isBefore(def.testFrom()) || !rc.hour().isBefore(def.testTo())) {
                why = "outside the window " + def.testFrom() + " .. " + def.testTo();
            } else if (!rc.runId().equals(DeterministicIds.runId(def.account(), RunMode.BACKTEST, rc.hour()))) {
                why = "under a run id its account and hour do not derive";
            }
            if (why != null) {
                out.add("hour " + rc.hour() + " (run " + rc.runId().value() + ") " + why);
            }
        }
        for (RunMode mode : RunMode.values()) {
            for (RunContext rc : stored.runs().runsOfAccount(def.account(), mode)) {
                if (!def.id().equals(rc.backtestRunId())) {
                    out.add("hour " + rc.hour() + " (run " + rc.runId().value() + ") on the backtest's account belongs to "
                            + (rc.backtestRunId() == null ? "a " + rc.mode() + " session" : "backtest " + rc.backtestRunId().value()));
                }
            }
        }
        return out;
    }

    public Outcome replay(BacktestRunId id, Optional<RunId> onlyRun, WalkForwardBacktest.Progress progress) {
        BacktestRunDefinition def = stored.backtests().find(id)
                .orElseThrow(() -> new NoSuchElementException("no backtest with id " + id.value()));
        List<RunContext> runs = stored.runs().runsOfBacktest(id);
        if (onlyRun.isPresent() && runs.stream().noneMatch(r -> r.runId().equals(onlyRun.get()))) {
            throw new NoSuchElementException("run " + onlyRun.get().value() + " is not part of backtest " + id.value());
        }
        if (runs.isEmpty()) {
            // a backtest refused before its first hour (e.g. too few training samples) has nothing to compare; its
            // recomputation would only fail again, and used to print that failure as if the replay had found it
            throw new NoSuchElementException("backtest " + id.value() + " stored no hour: nothing to replay (runs show "
                    + id.value() + " says whether and why it failed)");
        }
        List<String> foreign = hoursNotOwned(def, runs);
        if (!foreign.isEmpty()) {
            return new Outcome(0, Optional.of(foreign.size() + " stored hour(s) do not belong to backtest " + id.value()
                    + " (account " + def.account() + "): " + String.join("; ", foreign.subList(0, Math.min(10, foreign.size())))
                    + (foreign.size() > 10 ? "; ..." : "")));
        }
        ConfigLoader.Loaded config = ConfigLoader.fromCanonical(def.configCanonicalJson());
        if (!config.sha256().equals(def.configHash())) {
            return new Outcome(0, Optional.of("stored configuration does not hash to its recorded config_hash "
                    + def.configHash()));
        }
        String venue = config.config().trading().venue();
        List<Asset> assets = new ArrayList<>();
        for (String symbol : def.assetSymbols()) {
            Asset a = stored.reference().assetBySymbol(symbol)
                    .orElseThrow(() -> new NoSuchElementException("asset " + symbol + " of the backtest is not registered"));
            assets.add(a);
            scratch.reference().ensureAsset(a);
        }
        FoldPlan plan = FoldPlan.of(def.testFrom(), def.testTo(), config.config().walkForward());
        HourTs earliest = plan.folds().get(0).trainFrom();
        HourTs latest = def.testTo().plusHours(26);
        for (Asset a : assets) {
            List<Candle> candles = stored.marketData().candles(a.id(), venue, earliest, latest);
            scratch.marketData().ingestCandles(venue, DeterministicIds.uuid("replay", id.value().toString(), a.symbol()), candles);
        }
        // the scratch copy starts RUNNING, as the backtest did: a stored FAILED status has its reason, which the
        // definition does not carry (the schema refused the copy: ck_backtest_run_failure_reason)
        scratch.backtests().create(new BacktestRunDefinition(def.id(), def.account(), def.assetSymbols(), def.testFrom(),
                def.testTo(), def.seed(), def.initialCapital(), def.configCanonicalJson(), def.configHash(),
                def.codeVersionSha(), "RUNNING"));
        WalkForwardBacktest.Request request = new WalkForwardBacktest.Request(assets, def.testFrom(), def.testTo(), config,
                def.seed(), def.codeVersionSha());
        if (!request.backtestRunId().equals(id)) {
            return new Outcome(0, Optional.of("the stored definition does not derive the backtest id " + id.value()));
        }
        // hours stored in an earlier DATA hash format are recomputed in that format (DataHashFormat), hours stored
        // before the OOD gate's HOLD was a risk event without it (OodHoldEvents)
        java.util.Map<HourTs, String> storedData = new java.util.TreeMap<>();
        java.util.Map<HourTs, String> storedRisk = new java.util.TreeMap<>();
        for (RunContext rc : runs) {
            Optional<StepHashes> hashes = stored.runs().stepHashes(rc.runId());
            storedData.put(rc.hour(), hashes.flatMap(h -> h.get(CycleStep.DATA)).orElse(rc.dataSnapshotHash()));
            hashes.flatMap(h -> h.get(CycleStep.RISK)).ifPresent(r -> storedRisk.put(rc.hour(), r));
        }
        try {
            new WalkForwardBacktest(scratch, trainer)
                    .hashingData(DataHashFormat.CURRENT, hour -> Optional.ofNullable(storedData.get(hour)))
                    .filingOodHolds(OodHoldEvents.CURRENT, hour -> Optional.ofNullable(storedRisk.get(hour)))
                    .run(request, progress);
        } catch (RuntimeException e) {
            if (!"FAILED".equals(def.status())) {
                throw e;
            }
            // the stored run failed too: what it stored before failing is compared below (an hour it stored and the
            // recomputation did not reach is a difference)
        }

        int compared = 0;
        for (RunContext original : runs) {
            if (onlyRun.isPresent() && !original.runId().equals(onlyRun.get())) {
                continue;
            }
            Optional<RunContext> again = scratch.runs().find(original.account(), RunMode.BACKTEST, original.hour());
            if (again.isEmpty()) {
                return new Outcome(compared, Optional.of("hour " + original.hour() + ": the replay has no cycle"));
            }
            if (again.get().status() != original.status()) {
                return new Outcome(compared, Optional.of("hour " + original.hour() + ": status " + original.status()
                        + " stored, " + again.get().status() + " replayed"));
            }
            StepHashes a = stored.runs().stepHashes(original.runId()).orElse(StepHashes.empty());
            StepHashes b = scratch.runs().stepHashes(again.get().runId()).orElse(StepHashes.empty());
            for (CycleStep step : CycleStep.values()) {
                String x = a.hashes().get(step);
                String y = b.hashes().get(step);
                if (x == null ? y != null : !x.equals(y)) {
                    return new Outcome(compared, Optional.of("hour " + original.hour() + " (run " + original.runId().value()
                            + "), step " + step + ": stored " + x + ", replayed " + y));
                }
            }
            compared++;
        }
        return new Outcome(compared, Optional.empty());
    }
}
