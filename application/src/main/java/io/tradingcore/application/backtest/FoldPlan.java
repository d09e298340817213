package io.tradingcore.application.backtest;

import io.tradingcore.application.config.AppConfig;
import io.tradingcore.domain.HourTs;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward folds over a test window: consecutive test windows of {@code testHours}; each fold
 * trains on the {@code trainHours} that end {@code purgeHours} before its test window (a rolling
 * window). Training always precedes testing, so the purge gap (at least the longest label horizon)
 * is what keeps training labels out of the test window; {@code embargoHours} is recorded with each
 * fold and applied by the model trainer's own cross-validation (out-of-fold base predictions).
 */
public record FoldPlan(List<Fold> folds) {

    /** One fold: train on [trainFrom, trainTo), test on [testFrom, testTo). */
    public record Fold(int index, HourTs trainFrom, HourTs trainTo, HourTs testFrom, HourTs testTo, int purgeHours,
                       int embargoHours) {
        public long testHours() {
            return testFrom.hoursUntil(testTo);
        }
    }

    public static FoldPlan of(HourTs from, HourTs to, AppConfig.WalkForward wf) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("backtest window must have --from before --to, was " + from + " .. " + to);
        }
        List<Fold> folds = new ArrayList<>();
        HourTs testFrom = from;
        int index = 0;
        while (testFrom.isBefore(to)) {
            HourTs testTo = testFrom.plusHours(wf.testHours());
            if (testTo.isAfter(to)) {
                testTo = to;
            }
            HourTs trainTo = testFrom.minusHours(wf.purgeHours());
            HourTs trainFrom = trainTo.minusHours(wf.trainHours());
            folds.add(new Fold(index++, trainFrom, trainTo, testFrom, testTo, wf.purgeHours(), wf.embargoHours()));
            testFrom = testTo;
        }
        return new FoldPlan(List.copyOf(folds));
    }
}
