package io.tradingcore.application.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.MarketDataGateway;
import io.tradingcore.ports.testing.InMemoryMarketDataRepository;
import io.tradingcore.ports.testing.SyntheticCandles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which hour a live session starts with, how it waits, and what it stores (in-memory store, scripted venue). */
class PollingFeedTest {

    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Asset BTC = Asset.of(1, "BTC/USDT");
    private static final HourTs START = HourTs.parse("2025-06-01T00:00:00Z");

    private final InMemoryMarketDataRepository store = new InMemoryMarketDataRepository();
    private final List<Candle> market = SyntheticCandles.walk(BTC.id(), START.minusHours(48), 60, 3L, new BigDecimal("60000"), 0.01);
    private final StringWriter log = new StringWriter();
    private final SteppingClock clock = new SteppingClock(START.toInstant().plusSeconds(1));
    private final List<Duration> naps = new ArrayList<>();
    private int calls;
    private boolean venueDown;
    private int hideLatestFor;

    private final MarketDataGateway venue = new MarketDataGateway() {
        @Override
        public List<Candle> hourlyCandles(Asset a, HourTs from, HourTs to) {
            calls++;
            if (venueDown) {
                throw new IllegalStateException("connection refused");
            }
            HourTs closedBy = HourTs.floor(clock.instant());
            boolean hide = hideLatestFor-- > 0;
            return market.stream().filter(c -> !c.openTime().isBefore(from) && c.openTime().isBefore(to)
                    && !c.openTime().plusHours(1).isAfter(closedBy) && !(hide && c.openTime().equals(closedBy.minusHours(1)))).toList();
        }

        @Override
        public Optional<BookSnapshot> bestBidAsk(Asset a) {
            return Optional.empty();
        }
    };

    private PollingFeed feed() {
        return new PollingFeed(venue, store, "BINANCE", List.of(BTC), clock, d -> {
            naps.add(d);
            clock.advance(d);
        }, SETTLE, 24, new PrintWriter(log, true));
    }

    @Test
    void backfillsTheLookbackThenOnlyWhatClosedSinceTheLastStoredCandle() {
        PollingFeed f = feed();
        f.collect(START);
        assertThat(store.candles(BTC.id(), "BINANCE", START.minusHours(100), START.plusHours(100)))
                .extracting(Candle::openTime).containsExactlyElementsOf(hours(START.minusHours(24), 24));
        assertThat(f.awaitHour(START.plusHours(1), () -> false)).isTrue();
        assertThat(clock.instant()).isEqualTo(START.plusHours(1).toInstant().plus(SETTLE));
        assertThat(naps).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0);
        f.collect(START.plusHours(1));
        assertThat(store.candles(BTC.id(), "BINANCE", START, START.plusHours(100))).extracting(Candle::openTime)
                .containsExactly(START);
        assertThat(log.toString()).isEmpty();
    }

    @Test
    void asksAgainWhileTheJustClosedCandleIsNotPublishedYet() {
        PollingFeed f = feed();
        hideLatestFor = 2;
        f.collect(START);
        assertThat(calls).isEqualTo(3);
        assertThat(store.closedCandlesAsOf(BTC.id(), "BINANCE", START, 1)).extracting(Candle::openTime).containsExactly(START.minusHours(1));
    }

    @Test
    void aVenueOutageIsAWarningAndTheNextPollCatchesUp() {
        PollingFeed f = feed();
        venueDown = true;
        f.collect(START);
        assertThat(log.toString()).contains("warning: reading BTC/USDT candles from BINANCE failed (connection refused)");
        assertThat(store.candles(BTC.id(), "BINANCE", START.minusHours(100), START.plusHours(100))).isEmpty();
        venueDown = false;
        clock.set(START.plusHours(2).toInstant().plusSeconds(5));
        f.collect(START.plusHours(2));
        assertThat(store.closedCandlesAsOf(BTC.id(), "BINANCE", START.plusHours(2), 100)).hasSize(24);
    }

    @Test
    void aStopRequestEndsTheWaitWithoutReachingTheHour() {
        PollingFeed f = feed();
        int[] checks = {0};
        assertThat(f.awaitHour(START.plusHours(1), () -> ++checks[0] > 3)).isFalse();
        assertThat(clock.instant()).isBefore(START.plusHours(1).toInstant());
    }

    private static List<HourTs> hours(HourTs from, int n) {
        List<HourTs> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(from.plusHours(i));
        }
        return out;
    }

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
