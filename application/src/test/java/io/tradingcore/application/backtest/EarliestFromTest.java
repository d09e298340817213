package io.tradingcore.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.HourTs;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EarliestFromTest {
    private static final HourTs FROM = HourTs.parse("2023-08-01T00:00:00Z");
    private static final HourTs TO = HourTs.parse("2023-12-01T00:00:00Z");
    /** A second asset listed 2023-05-05: a window gains its hours once it starts after the listing. */
    private static final HourTs LISTED = HourTs.parse("2023-05-05T00:00:00Z");

    /** One asset-hour per hour of a 2,160-hour window ending 24 hours before the start, plus the late asset's hours. */
    private static OptionalInt samples(HourTs start) {
        HourTs windowFrom = start.minusHours(24 + 2160);
        HourTs windowTo = start.minusHours(24);
        long late = Math.max(0, (LISTED.isAfter(windowFrom) ? LISTED : windowFrom).hoursUntil(windowTo));
        return OptionalInt.of((int) (1960 + Math.max(0, late - 200)));
    }

    @Test
    void findsTheFirstWholeDayWhoseWindowHoldsTheMinimum() {
        List<HourTs> asked = new ArrayList<>();
        var found = EarliestFrom.search(FROM, TO, 3880, h -> {
            asked.add(h);
            return samples(h);
        });
        assertThat(found).isPresent();
        HourTs f = found.get();
        assertThat(samples(f).getAsInt()).isGreaterThanOrEqualTo(3880);
        assertThat(samples(f.minusHours(24)).getAsInt()).isLessThan(3880);
        assertThat(f.toInstant().getEpochSecond() % 86_400).isZero();
        assertThat(f).isEqualTo(HourTs.parse("2023-08-03T00:00:00Z"));
        assertThat(asked.size()).as("bisection, not a scan of 120 days").isLessThan(12);
    }

    @Test
    void noneWhenEvenTheLastDayIsShortOrTheCountIsUnknown() {
        assertThat(EarliestFrom.search(FROM, TO, 1_000_000, EarliestFromTest::samples)).isEmpty();
        assertThat(EarliestFrom.search(FROM, TO, 10, h -> OptionalInt.empty())).isEmpty();
        assertThat(EarliestFrom.search(FROM, FROM.plusHours(30), 10, EarliestFromTest::samples)).isEmpty();
    }
}
