package io.tradingcore.ports.testing;

import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.risk.DrawdownPolicy;
import io.tradingcore.domain.signal.SignalPolicyConfig;
import io.tradingcore.ports.out.TradingConfig;
import java.math.BigDecimal;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Builds a {@link TradingConfig} and its {@link SignalPolicyConfig} by name instead of their 4 and 11 positional
 * arguments. Defaults: {@link SignalPolicyConfig#defaults()}, {@link DrawdownPolicy#defaults()}, venue SIM, a lookback
 * of 6 bars. {@link #gated()} starts from the signal most cycle tests use instead (H4, enter above 0.55 and exit at
 * 0.45, a minimum edge of 0.001, never exit on the edge, fee 10 bps, spread 2 bps).
 */
public final class TradingConfigBuilder {
    private Horizon horizon;
    private double enterProbability;
    private double exitProbability;
    private BigDecimal minEdge;
    private BigDecimal exitEdge;
    private BigDecimal targetFraction;
    private CostModel costs;
    private BigDecimal priceBufferRate;
    private BigDecimal minOrderNotional;
    private SortedSet<String> noEntryRegimes;
    private SortedSet<String> exitRegimes;
    private DrawdownPolicy drawdown = DrawdownPolicy.defaults();
    private String venue = "SIM";
    private int lookbackBars = 6;

    private TradingConfigBuilder(SignalPolicyConfig s) {
        horizon = s.decisionHorizon();
        enterProbability = s.enterProbability();
        exitProbability = s.exitProbability();
        minEdge = s.minEdge();
        exitEdge = s.exitEdge();
        targetFraction = s.targetFraction();
        costs = s.costs();
        priceBufferRate = s.priceBufferRate();
        minOrderNotional = s.minOrderNotional();
        noEntryRegimes = new TreeSet<>(s.noEntryRegimes());
        exitRegimes = new TreeSet<>(s.exitRegimes());
    }

    /** The defaults of the configuration file. */
    public static TradingConfigBuilder config() {
        return new TradingConfigBuilder(SignalPolicyConfig.defaults());
    }

    /**
     * H4, enter probability 0.55, exit probability 0.45, minimum edge 0.001, exit edge -1 (never on the edge), 25% of
     * equity, fee 10 bps, spread 2 bps, slippage 1 bp, price buffer 0.005, minimum order 10.
     */
    public static TradingConfigBuilder gated() {
        return config().probabilities(0.55, 0.45).minEdge("0.001").exitEdge("-1").costs("10", "2", "1");
    }

    public TradingConfigBuilder horizon(Horizon v) {
        horizon = v;
        return this;
    }

    /** The optional probability gates: enter above {@code enter}, exit at or below {@code exit}. */
    public TradingConfigBuilder probabilities(double enter, double exit) {
        enterProbability = enter;
        exitProbability = exit;
        return this;
    }

    public TradingConfigBuilder minEdge(String v) {
        minEdge = new BigDecimal(v);
        return this;
    }

    public TradingConfigBuilder exitEdge(String v) {
        exitEdge = new BigDecimal(v);
        return this;
    }

    public TradingConfigBuilder targetFraction(String v) {
        targetFraction = new BigDecimal(v);
        return this;
    }

    /** The cost model in basis points: fee per side, spread, slippage. */
    public TradingConfigBuilder costs(String feeBps, String spreadBps, String slippageBps) {
        costs = new CostModel(new BigDecimal(feeBps), new BigDecimal(spreadBps), new BigDecimal(slippageBps));
        return this;
    }

    public TradingConfigBuilder priceBufferRate(String v) {
        priceBufferRate = new BigDecimal(v);
        return this;
    }

    public TradingConfigBuilder minOrderNotional(String v) {
        minOrderNotional = new BigDecimal(v);
        return this;
    }

    public TradingConfigBuilder noEntryRegimes(String... regimes) {
        noEntryRegimes = new TreeSet<>(java.util.List.of(regimes));
        return this;
    }

    public TradingConfigBuilder exitRegimes(String... regimes) {
        exitRegimes = new TreeSet<>(java.util.List.of(regimes));
        return this;
    }

    public TradingConfigBuilder drawdown(DrawdownPolicy v) {
        drawdown = v;
        return this;
    }

    public TradingConfigBuilder venue(String v) {
        venue = v;
        return this;
    }

    public TradingConfigBuilder lookbackBars(int v) {
        lookbackBars = v;
        return this;
    }

    /** The signal policy alone (validated by its constructor). */
    public SignalPolicyConfig signal() {
        return new SignalPolicyConfig(horizon, enterProbability, exitProbability, minEdge, exitEdge, targetFraction, costs,
                priceBufferRate, minOrderNotional, noEntryRegimes, exitRegimes);
    }

    public TradingConfig build() {
        return new TradingConfig(signal(), drawdown, venue, lookbackBars);
    }
}
