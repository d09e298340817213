package io.tradingcore.ports.out;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Trains the whole model stack (regime, BASE_TREE and BASE_DEEP per horizon, META) for one
 * walk-forward fold. Deterministic: the same candles, window and seed give the same models, the same
 * predictions and (where the library allows) the same artifact bytes.
 */
public interface ModelTrainer {

    /**
     * Trains on samples whose decision hour lies in [trainFrom, trainTo) and whose label horizon ends
     * before trainTo (no label may look past the training window).
     *
     * @param candles per asset, ascending; the trainer ignores candles that close after trainTo
     * @throws TooFewSamplesException if there are too few samples to train (message says how many)
     */
    TrainedStack train(SortedMap<AssetId, List<Candle>> candles, HourTs trainFrom, HourTs trainTo, long seed);

    /**
     * How many training samples {@link #train} would find in [trainFrom, trainTo) of {@code candles}, without training;
     * empty when the trainer cannot tell. Lets a caller name a window that would work when one has too few.
     */
    default java.util.OptionalInt trainingSamples(SortedMap<AssetId, List<Candle>> candles, HourTs trainFrom, HourTs trainTo) {
        return java.util.OptionalInt.empty();
    }

    /** A training window holds fewer samples than the trainer needs. */
    final class TooFewSamplesException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int found;
        private final int minimum;

        public TooFewSamplesException(int found, int minimum, HourTs trainFrom, HourTs trainTo) {
            super("only " + found + " training samples in [" + trainFrom + ", " + trainTo + "); need at least " + minimum);
            this.found = found;
            this.minimum = minimum;
        }

        /** Samples (asset-hours with features and a label) found in the window. */
        public int found() {
            return found;
        }

        /** Samples the trainer needs. */
        public int minimum() {
            return minimum;
        }
    }

    /** A trained stack: the engine and models to run the cycle with, and what to register. */
    interface TrainedStack {
        FeatureEngine featureEngine();

        ModelStack modelStack();

        /** Every model version with its serialized artifact, in a fixed order. */
        List<TrainedArtifact> artifacts();

        /**
         * Out-of-sample metrics on decision hours in [testFrom, testTo) (labels may use later candles:
         * this is evaluation after the fact, never a decision input), keyed like
         * "BASE_TREE.H4.log_loss", "META.H1.auc", "baseline.H1.log_loss", "samples"; an implementation may add the
         * reliability table of each role ("META.H1.calibration.b3.count" / ".mean_p" / ".observed", bin k holding
         * k/10 &lt;= p &lt; (k+1)/10) and its trees' feature importance ("BASE_TREE.H4.importance_gain.FEATURE"), which
         * the report shows.
         */
        SortedMap<String, BigDecimal> evaluate(SortedMap<AssetId, List<Candle>> candles, HourTs testFrom, HourTs testTo);
    }

    /** A model version and the artifact bytes whose SHA-256 it records. */
    record TrainedArtifact(ModelVersion version, byte[] artifact) {
        public TrainedArtifact {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(artifact, "artifact");
        }
    }

    /** Metric value helper for implementations. */
    static BigDecimal metric(double v) {
        return BigDecimal.valueOf(v).setScale(18, java.math.RoundingMode.HALF_EVEN);
    }
}
