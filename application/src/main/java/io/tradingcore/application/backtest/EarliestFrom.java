package io.tradingcore.application.backtest;

import io.tradingcore.domain.HourTs;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The earliest start of a backtest, on a whole UTC day after a given one, whose first fold's training window holds
 * enough samples. Sample counts grow as the window moves into the hours where every asset has data (an asset listed
 * late, a gap closed), so the days are searched by bisection and the answer is checked; the count of a window comes
 * from the trainer ({@link io.tradingcore.ports.out.ModelTrainer#trainingSamples}).
 */
final class EarliestFrom {
    private EarliestFrom() {
    }

    /**
     * @param after   the --from that failed; the answer is a later day
     * @param to      --to: a start must leave at least one day before it
     * @param minimum samples needed
     * @param samples a candidate start to the samples of its first fold's training window (empty: unknown)
     */
    static Optional<HourTs> search(HourTs after, HourTs to, int minimum, Function<HourTs, OptionalInt> samples) {
        HourTs firstDay = HourTs.of(after.toInstant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        long days = firstDay.hoursUntil(to) / 24 - 1;
        if (days < 0) {
            return Optional.empty();
        }
        if (!enough(samples.apply(firstDay.plusHours(days * 24)), minimum)) {
            return Optional.empty();
        }
        long lo = 0;
        long hi = days; // enough at hi
        while (lo < hi) {
            long mid = (lo + hi) / 2;
            if (enough(samples.apply(firstDay.plusHours(mid * 24)), minimum)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Optional.of(firstDay.plusHours(lo * 24));
    }

    private static boolean enough(OptionalInt n, int minimum) {
        return n.isPresent() && n.getAsInt() >= minimum;
    }
}
