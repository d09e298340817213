package io.tradingcore.ports.service;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.hash.Canonical;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.risk.DrawdownMonitor;
import io.tradingcore.domain.risk.RiskAssessment;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskState;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.signal.SignalPolicyConfig;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.TradingConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The working state of one execution of the cycle body, handed from step to step: what the command and the
 * configuration fix, what each step produced, and the step hashes so far (kept here so a failed cycle still stores
 * the hashes of the steps it completed). Not thread-safe; lives for one cycle.
 */
final class CycleState {
    final RunHourlyCycleCommand cmd;
    final TradingConfig config;
    final SignalPolicyConfig signalConfig;
    final RunKey key;
    final List<AssetInputs> inputs;
    final DrawdownMonitor monitor;
    /** Marks (last closes) at the hour, by asset. */
    final Map<AssetId, BigDecimal> marks = new TreeMap<>();
    /** Orders of this cycle: open ones of earlier hours first, then the ones placed this hour. */
    final List<Order> orders = new ArrayList<>();
    StepHashes hashes;
    Optional<HourlyState> previous = Optional.empty();
    RiskState previousRisk = RiskState.initial();
    CycleBook book;
    RiskAssessment assessment;
    BigDecimal equity;
    List<FeatureVector> features = List.of();
    SortedMap<AssetId, StackPrediction> predictions = new TreeMap<>();
    List<TradeSignal> signals = List.of();
    HourlyState state;
    /** Whether the gate's HOLD is filed as a risk event; the stored RISK hash of an hour being recomputed (replay). */
    OodHoldEvents oodHolds = OodHoldEvents.CURRENT;
    Optional<String> storedRisk = Optional.empty();
    /** The hour's DATA, FEATURES and MODELS, computed ahead (backtests) or when asked for. */
    MarketSide market;

    CycleState(RunHourlyCycleCommand cmd, TradingConfig config, RunKey key, List<AssetInputs> inputs, StepHashes hashes) {
        this.cmd = cmd;
        this.config = config;
        this.signalConfig = config.signal();
        this.key = key;
        this.inputs = inputs;
        this.hashes = hashes;
        this.monitor = new DrawdownMonitor(config.drawdown());
    }

    /** Records the canonical hash of {@code output} as the hash of {@code step}. */
    void hash(CycleStep step, Object output) {
        hashes = hashes.with(step, hashOf(output));
    }

    /** The canonical hash of {@code output} (what {@link #hash} records; also the market side's, on any thread). */
    static String hashOf(Object output) {
        // written into the calling thread's reused SHA-256 and buffer (Canonical: no state shared between threads)
        return Canonical.sha256(output);
    }

    /** The drawdown tier events are filed under: this hour's once assessed, the previous hour's before. */
    DrawdownTier tier() {
        return assessment == null ? previousRisk.tier() : assessment.state().tier();
    }

    boolean halted() {
        return assessment.state().halted();
    }

    Asset assetOf(AssetId id) {
        return inputs.stream().map(AssetInputs::asset).filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    void replaceOrders(List<Order> after) {
        orders.clear();
        orders.addAll(after);
    }

    /** The drawdown assessment's events followed by those the book collected. */
    List<RiskEvent> events() {
        List<RiskEvent> all = new ArrayList<>(assessment.events());
        all.addAll(book.events());
        return all;
    }

    CycleReport report() {
        return new CycleReport(key.runId(), CycleReport.Outcome.COMPLETED, hashes, signals, orders, events(), Optional.of(state));
    }
}
