package io.tradingcore.application.live;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.MarketDataGateway;
import io.tradingcore.ports.out.MarketDataRepository;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Live market data: at each hour close (plus a settle delay, because a venue publishes the closed candle a
 * moment after the boundary) it polls the venue's hourly candles and appends the newly closed ones to the
 * store (duplicates are no-ops; a candle that differs from the stored one is reported, never overwritten).
 * Time comes from an injected clock and sleeper, so tests never wait for a real hour.
 */
public final class PollingFeed implements MarketFeed {

    /** Waits; tests pass one that advances their clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** How often a just-closed candle that the venue does not show yet is asked for again. */
    static final int MISSING_CANDLE_RETRIES = 3;
    private static final Duration MAX_NAP = Duration.ofSeconds(1);

    private final MarketDataGateway gateway;
    private final MarketDataRepository store;
    private final String venue;
    private final List<Asset> assets;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration settle;
    private final int backfillHours;
    private final PrintWriter out;
    private final HourTs first;

    /**
     * @param backfillHours how far back the first poll reaches when the store holds nothing recent (the
     *                      cycle's lookback, or the training window with --train-if-missing)
     */
    public PollingFeed(MarketDataGateway gateway, MarketDataRepository store, String venue, List<Asset> assets, Clock clock,
                       Sleeper sleeper, Duration settle, int backfillHours, PrintWriter out) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.assets = List.copyOf(assets);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.out = Objects.requireNonNull(out, "out");
        if (backfillHours < 1) {
            throw new IllegalArgumentException("backfillHours must be >= 1, was " + backfillHours);
        }
        this.backfillHours = backfillHours;
        this.first = firstHourAt(clock.instant(), settle);
    }

    /**
     * The current hour if its close is recent enough to still decide on (within the settle delay plus a
     * minute), else the next one: an order decided late would be filled at a price the decision never saw.
     */
    static HourTs firstHourAt(Instant now, Duration settle) {
        HourTs current = HourTs.floor(now);
        return now.isAfter(current.toInstant().plus(settle).plusSeconds(60)) ? current.plusHours(1) : current;
    }

    @Override
    public HourTs firstHour() {
        return first;
    }

    @Override
    public boolean awaitHour(HourTs hour, BooleanSupplier stop) {
        Instant due = hour.toInstant().plus(settle);
        while (!stop.getAsBoolean()) {
            Duration left = Duration.between(clock.instant(), due);
            if (left.isZero() || left.isNegative()) {
                return true;
            }
            if (!nap(left.compareTo(MAX_NAP) < 0 ? left : MAX_NAP)) {
                return false;
            }
        }
        return false;
    }

    /**
     * {@inheritDoc} A venue that cannot be read is a warning, not the end of the session: the cycle then runs
     * on what the store holds (an hour without fresh data is SKIPPED by the cycle, as in any outage).
     */
    @Override
    public void collect(HourTs hour) {
        for (Asset a : assets) {
            try {
                collect(a, hour);
            } catch (RuntimeException e) {
                out.println("warning: reading " + a.symbol() + " candles from " + venue + " failed (" + e.getMessage()
                        + "); the cycle of " + hour + " uses the stored candles");
            }
        }
    }

    private void collect(Asset a, HourTs hour) {
        HourTs from = hour.minusHours(backfillHours);
        List<Candle> latest = store.closedCandlesAsOf(a.id(), venue, hour, 1);
        if (!latest.isEmpty() && latest.get(0).openTime().plusHours(1).isAfter(from)) {
            from = latest.get(0).openTime().plusHours(1);
        }
        if (!from.isBefore(hour)) {
            return;
        }
        List<Candle> fresh = gateway.hourlyCandles(a, from, hour);
        for (int attempt = 0; attempt < MISSING_CANDLE_RETRIES && !closes(fresh, hour); attempt++) {
            if (!nap(settle)) {
                break;
            }
            fresh = gateway.hourlyCandles(a, from, hour);
        }
        if (fresh.isEmpty()) {
            out.println("warning: " + venue + " returned no closed candle of " + a.symbol() + " in [" + from + ", " + hour + ")");
            return;
        }
        IngestResult r = store.ingestCandles(venue, DeterministicIds.uuid("paper-feed", venue, a.symbol(), from.toString(),
                hour.toString()), fresh);
        if (r.conflicts() > 0) {
            out.println("warning: " + r.conflicts() + " " + a.symbol() + " candle(s) from " + venue
                    + " differ from the stored ones and were not written: " + r.conflictKeys());
        }
    }

    private static boolean closes(List<Candle> candles, HourTs hour) {
        return !candles.isEmpty() && candles.get(candles.size() - 1).openTime().equals(hour.minusHours(1));
    }

    private boolean nap(Duration d) {
        try {
            sleeper.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Instant cycleTime(HourTs hour) {
        return clock.instant();
    }
}
