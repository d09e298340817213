package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.HourTs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which hour a live session starts with. */
class PollingFeedTest {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    @Test
    void startsWithTheCurrentHourRightAfterItsBoundary() {
        assertThat(PollingFeed.firstHourAt(Instant.parse("2025-06-01T10:00:03Z"), SETTLE)).isEqualTo(HourTs.parse("2025-06-01T10:00:00Z"));
        assertThat(PollingFeed.firstHourAt(Instant.parse("2025-06-01T10:01:05Z"), SETTLE)).isEqualTo(HourTs.parse("2025-06-01T10:00:00Z"));
    }

    @Test
    void waitsForTheNextHourWhenStartedLateInAnHour() {
        assertThat(PollingFeed.firstHourAt(Instant.parse("2025-06-01T10:25:00Z"), SETTLE)).isEqualTo(HourTs.parse("2025-06-01T11:00:00Z"));
    }
}
