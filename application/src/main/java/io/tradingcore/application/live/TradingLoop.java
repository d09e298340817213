package io.tradingcore.application.live;

import io.tradingcore.application.Persistence;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.TradingConfig;
import io.tradingcore.ports.service.HourlyCycleService;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The PAPER/LIVE schedule: for each hour from the feed's first, wait for its close, store the newly closed
 * candles, bring the venue up to the hour, and run the hourly cycle (the same service as a backtest).
 *
 * <p>A stop request is honoured between hours only: the cycle under way finishes (it is idempotent and
 * resumable anyway, so even a killed process loses nothing, but a clean stop never relies on that).
 */
public final class TradingLoop {

    /** Everything a session runs with. {@code deposit} gives the initial deposit passed to the cycle of an hour. */
    public record Session(Persistence ports, AccountId account, RunMode mode, List<Asset> assets, TradingConfig trading,
                          int seed, String codeVersionSha, FeatureEngine features, ModelStack models, SessionVenue venue,
                          MarketFeed feed, Function<HourTs, BigDecimal> deposit) {
        public Session {
            Objects.requireNonNull(ports, "ports");
            Objects.requireNonNull(account, "account");
            if (mode == RunMode.BACKTEST) {
                throw new IllegalArgumentException("a trading loop runs PAPER or LIVE, not BACKTEST");
            }
            assets = List.copyOf(assets);
            Objects.requireNonNull(trading, "trading");
            Objects.requireNonNull(codeVersionSha, "codeVersionSha");
            Objects.requireNonNull(features, "features");
            Objects.requireNonNull(models, "models");
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(deposit, "deposit");
        }
    }

    /** What a session did; {@code lastHour} is empty when no hour ran. */
    public record Summary(long completed, long alreadyDone, long skippedNoData, long orders, Optional<HourTs> lastHour,
                          boolean stopRequested) {
        public long hours() {
            return completed + alreadyDone + skippedNoData;
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT, "%d hour(s): %d run, %d already done, %d skipped (no data), %d order(s)%s%s",
                    hours(), completed, alreadyDone, skippedNoData, orders,
                    lastHour.map(h -> "; last hour " + h).orElse(""), stopRequested ? "; stopped on request" : "");
        }
    }

    private final Session s;
    private final PrintWriter out;

    public TradingLoop(Session session, PrintWriter out) {
        this.s = Objects.requireNonNull(session, "session");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Runs at most {@code maxHours} hours (0: no limit) until the feed ends or {@code stop} is set. */
    public Summary run(long maxHours, BooleanSupplier stop) {
        return run(maxHours, stop, (h, r) -> { });
    }

    /**
     * As {@link #run(long, BooleanSupplier)}, calling {@code afterHour} with each hour and its report once the hour's
     * run_context exists (whatever the outcome but BUSY), before the next hour.
     */
    public Summary run(long maxHours, BooleanSupplier stop, BiConsumer<HourTs, CycleReport> afterHour) {
        HourClock clock = new HourClock(s.feed());
        HourlyCycleService cycle = new HourlyCycleService(s.ports().runs(), s.ports().marketData(), s.ports().decisions(),
                s.ports().execution(), s.ports().states(), s.features(), s.models(), s.venue().gateway(), s::trading, clock);
        long completed = 0;
        long already = 0;
        long skipped = 0;
        long orders = 0;
        HourTs last = null;
        HourTs h = s.feed().firstHour();
        while ((maxHours <= 0 || completed + already + skipped < maxHours) && !stop.getAsBoolean()
                && s.feed().awaitHour(h, stop)) {
            s.feed().collect(h);
            s.venue().beforeCycle(h);
            clock.hour = h;
            CycleReport r = cycle.run(new RunHourlyCycleCommand(s.account(), s.mode(), h, s.assets(), s.codeVersionSha(),
                    s.seed(), null, s.deposit().apply(h), Optional.empty()));
            switch (r.outcome()) {
                case COMPLETED -> completed++;
                case ALREADY_FINISHED -> already++;
                case SKIPPED_NO_DATA -> skipped++;
                case BUSY -> throw new IllegalStateException("hour " + h + " of account " + s.account() + " (" + s.mode()
                        + ") is being run by another process; stop it first");
            }
            afterHour.accept(h, r);
            orders += r.ordersPlacedAt(h);
            out.println(line(h, r));
            out.flush();
            last = h;
            h = h.plusHours(1);
        }
        return new Summary(completed, already, skipped, orders, Optional.ofNullable(last), stop.getAsBoolean());
    }

    static String line(HourTs h, CycleReport r) {
        StringBuilder b = new StringBuilder().append(h).append(' ').append(r.outcome());
        if (r.outcome() == CycleReport.Outcome.COMPLETED) {
            b.append(": ").append(r.signals().size()).append(" signal(s), ").append(r.orders().size()).append(" order(s)");
            r.state().ifPresent(st -> b.append(", equity ").append(st.portfolio().equity().setScale(2, RoundingMode.HALF_EVEN)
                    .toPlainString()).append(", tier ").append(st.risk().tier()));
            r.riskEvents().forEach(e -> b.append("; risk: ").append(e.type()));
        }
        return b.toString();
    }

    /** The cycle's clock: what the feed says the time is during the hour being run. */
    private static final class HourClock implements io.tradingcore.ports.out.TimeSource {
        private final MarketFeed feed;
        private HourTs hour;

        HourClock(MarketFeed feed) {
            this.feed = feed;
        }

        @Override
        public Instant now() {
            return feed.cycleTime(hour);
        }
    }
}
