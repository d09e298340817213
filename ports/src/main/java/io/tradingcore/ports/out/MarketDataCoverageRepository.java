package io.tradingcore.ports.out;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.HourTs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What market_ohlcv_hourly holds: per asset and venue the first and last hour, the row count and the gaps. */
public interface MarketDataCoverageRepository {

    /**
     * Stored candles of one (asset, venue): hours {@code first..last} inclusive, {@code rows} of them, and
     * {@code gaps} runs of missing hours between first and last that together miss {@code missingHours} hours
     * (so rows + missingHours = hours from first to last inclusive).
     */
    record Coverage(AssetId asset, String symbol, String venue, HourTs first, HourTs last, long rows, long gaps,
                    long missingHours) {
        public Coverage {
            Objects.requireNonNull(asset, "coverage.asset");
            Objects.requireNonNull(symbol, "coverage.symbol");
            Objects.requireNonNull(venue, "coverage.venue");
            Objects.requireNonNull(first, "coverage.first");
            Objects.requireNonNull(last, "coverage.last");
            if (rows < 1 || gaps < 0 || missingHours < gaps) {
                throw new IllegalArgumentException("coverage counts out of range: rows " + rows + ", gaps " + gaps + ", missing " + missingHours);
            }
        }
    }

    /** A run of missing hours: {@code from..to} inclusive, none stored, with stored candles on both sides. */
    record Gap(HourTs from, HourTs to) {
        public Gap {
            Objects.requireNonNull(from, "gap.from");
            Objects.requireNonNull(to, "gap.to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("gap must have from <= to, was " + from + " .. " + to);
            }
        }

        public long missingHours() {
            return java.time.Duration.between(from.toInstant(), to.toInstant()).toHours() + 1;
        }
    }

    /** One row per (asset, venue) with at least one candle, ordered by symbol then venue. One query. */
    List<Coverage> coverage();

    /** The latest stored openTime of (asset, venue), if any: where a resumed download starts after. */
    Optional<HourTs> lastHour(AssetId asset, String venue);

    /** The gaps of (asset, venue) whose missing hours lie in [fromInclusive, toExclusive), ascending. */
    List<Gap> gaps(AssetId asset, String venue, HourTs fromInclusive, HourTs toExclusive);
}
