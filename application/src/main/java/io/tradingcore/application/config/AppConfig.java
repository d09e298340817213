package io.tradingcore.application.config;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.risk.DrawdownPolicy;
import io.tradingcore.domain.signal.SignalPolicyConfig;
import io.tradingcore.ports.out.TradingConfig;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Everything a backtest, paper or live run is configured with, from one YAML file merged over
 * {@link #defaults()}. Every record validates in its constructor and names the offending key.
 *
 * @param trading        what the hourly cycle runs with (its own hash is run_context.config_hash)
 * @param simulation     the simulated exchange (BACKTEST and PAPER)
 * @param walkForward    fold layout of a walk-forward backtest
 * @param initialCapital quote-currency deposit of a new backtest or paper account
 * @param model          what the model stack is trained with (feature set, recency weighting, OOD gate); omitted
 *                       from the canonical form when it is {@link Model#LEGACY}, so configurations stored before the
 *                       key existed keep their hash and replay with the models they were run with
 */
public record AppConfig(TradingConfig trading, Simulation simulation, WalkForward walkForward, BigDecimal initialCapital,
                        @com.fasterxml.jackson.annotation.JsonInclude(value = com.fasterxml.jackson.annotation.JsonInclude.Include.CUSTOM,
                                valueFilter = Model.LegacyFilter.class) Model model) {

    public AppConfig {
        Objects.requireNonNull(trading, "trading");
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(walkForward, "walkForward");
        Objects.requireNonNull(initialCapital, "initialCapital");
        Objects.requireNonNull(model, "model");
        if (initialCapital.signum() <= 0 || initialCapital.compareTo(new BigDecimal("1e15")) > 0) {
            throw new IllegalArgumentException("initialCapital must be in (0, 1e15], was " + initialCapital.toPlainString());
        }
        initialCapital = Decimals.value(initialCapital);
        int longest = 24;
        if (walkForward.purgeHours() < longest) {
            throw new IllegalArgumentException("walkForward.purgeHours must be >= " + longest
                    + " (the longest label horizon), was " + walkForward.purgeHours());
        }
    }

    public static AppConfig defaults() {
        return new AppConfig(new TradingConfig(SignalPolicyConfig.defaults(), DrawdownPolicy.defaults(), "BINANCE", 200),
                Simulation.defaults(), WalkForward.defaults(), new BigDecimal("100000"), Model.defaults());
    }

    /**
     * The model stack's training options (docs/ml.md): {@code featureSet} 1 (22 hourly features) or 2 (plus 4-hour
     * and daily aggregates); training rows of the tree and the MLP weigh 0.5^(age / recencyHalfLifeDays) (0 = equal
     * weights); the out-of-distribution gate's threshold is the {@code oodQuantile} quantile of the training rows'
     * distances (0 = no gate; a row beyond it is labelled OUT_OF_DISTRIBUTION and the policy takes no entry).
     */
    public record Model(int featureSet, BigDecimal recencyHalfLifeDays, BigDecimal oodQuantile) {
        /** What every stack was trained with before this section existed (stored configurations lack it). */
        public static final Model LEGACY = new Model(1, BigDecimal.ZERO, BigDecimal.ZERO);

        public Model {
            Objects.requireNonNull(recencyHalfLifeDays, "model.recencyHalfLifeDays");
            Objects.requireNonNull(oodQuantile, "model.oodQuantile");
            if (featureSet < 1 || featureSet > 2) {
                throw new IllegalArgumentException("model.featureSet must be 1 or 2, was " + featureSet);
            }
            if (recencyHalfLifeDays.signum() < 0 || recencyHalfLifeDays.compareTo(new BigDecimal("36500")) > 0) {
                throw new IllegalArgumentException("model.recencyHalfLifeDays must be in [0, 36500] (0 = no weighting), was "
                        + recencyHalfLifeDays.toPlainString());
            }
            if (oodQuantile.signum() != 0 && (oodQuantile.compareTo(new BigDecimal("0.5")) < 0
                    || oodQuantile.compareTo(BigDecimal.ONE) > 0)) {
                throw new IllegalArgumentException("model.oodQuantile must be 0 (no gate) or in [0.5, 1], was "
                        + oodQuantile.toPlainString());
            }
        }

        static Model defaults() {
            // feature set 2 and recency weighting measurably add nothing (docs/ml.md, "Evaluation"); the gate is on
            return new Model(1, BigDecimal.ZERO, new BigDecimal("0.999"));
        }

        public boolean matchesLegacy() {
            return featureSet == 1 && recencyHalfLifeDays.signum() == 0 && oodQuantile.signum() == 0;
        }

        /** Jackson filter: true (= leave out of the canonical form) for the legacy options. */
        static final class LegacyFilter {
            @Override
            public boolean equals(Object o) {
                return o instanceof Model m && m.matchesLegacy();
            }

            @Override
            public int hashCode() {
                return 0;
            }
        }
    }

    /**
     * The simulated exchange besides its costs (those are the one cost model, {@code trading.signal.costs}: the
     * simulated venue charges its fee as maker and taker fee, half its spread per side when no book snapshot
     * exists, and its slippage per side): the share of a bar's volume our orders may take, and the seed.
     */
    public record Simulation(BigDecimal maxVolumeShare, long seed) {
        public Simulation {
            Objects.requireNonNull(maxVolumeShare, "simulation.maxVolumeShare");
            if (maxVolumeShare.signum() <= 0 || maxVolumeShare.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("simulation.maxVolumeShare must be in (0, 1], was " + maxVolumeShare.toPlainString());
            }
            // validated at the scale it is stored with (6): 0.0000004 used to pass here and be stored as 0, a run that
            // could then never be reported or replayed (issue 17, item 5)
            if (maxVolumeShare.stripTrailingZeros().scale() > 6) {
                throw new IllegalArgumentException("simulation.maxVolumeShare has more than 6 decimals (it is stored with 6,"
                        + " the smallest share is 0.000001), was " + maxVolumeShare.toPlainString());
            }
            maxVolumeShare = maxVolumeShare.setScale(6, java.math.RoundingMode.HALF_EVEN);
        }

        static Simulation defaults() {
            return new Simulation(new BigDecimal("0.1"), 7L);
        }
    }

    /**
     * Walk-forward layout: each fold tests {@code testHours} consecutive hours; its models are trained
     * on the {@code trainHours} before the fold, ending {@code purgeHours} before it (so no training
     * label overlaps the test window). Both also configure the model trainer's inner walk-forward (out-of-fold
     * predictions for META and its entry rule): {@code purgeHours} between its training rows and each inner test
     * window, {@code embargoHours} left out after each inner test window before the next one starts.
     */
    public record WalkForward(int trainHours, int testHours, int purgeHours, int embargoHours) {
        public WalkForward {
            if (trainHours < 24 * 7 || trainHours > 24 * 365 * 6) {
                throw new IllegalArgumentException("walkForward.trainHours must be in [168, 52560], was " + trainHours);
            }
            if (testHours < 24 || testHours > 24 * 366) {
                throw new IllegalArgumentException("walkForward.testHours must be in [24, 8784], was " + testHours);
            }
            if (purgeHours < 0 || purgeHours > 24 * 30) {
                throw new IllegalArgumentException("walkForward.purgeHours must be in [0, 720], was " + purgeHours);
            }
            if (embargoHours < 0 || embargoHours > 24 * 30) {
                throw new IllegalArgumentException("walkForward.embargoHours must be in [0, 720], was " + embargoHours);
            }
        }

        static WalkForward defaults() {
            return new WalkForward(24 * 365, 24 * 30, 24, 24);
        }
    }
}
