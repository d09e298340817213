package io.tradingcore.application.data;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.CandleHistoryGateway;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.MarketDataCoverageRepository;
import io.tradingcore.ports.out.MarketDataCoverageRepository.Coverage;
import io.tradingcore.ports.out.MarketDataCoverageRepository.Gap;
import io.tradingcore.ports.out.MarketDataRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Downloads hourly candles of an asset from a venue into market_ohlcv_hourly through the ingest path, page by page
 * (each page one ingest transaction). Resumable: when the stored candles of the asset already reach into the window
 * from its start, the download starts after the last stored hour; anything downloaded again is an identical duplicate
 * (skipped) and a candle that differs from the stored one is a conflict (reported, never overwritten).
 */
public final class MarketDataDownload {

    /** Called after each stored page: the asset, the last hour stored so far, and hours done of hours to do. */
    @FunctionalInterface
    public interface Progress {
        void page(Asset asset, HourTs lastStored, long hoursDone, long hoursToDo);
    }

    /**
     * What one asset's download did. {@code startedAt} is {@code from}, or the hour after the last stored one when the
     * download resumed; {@code gaps} are the runs of hours in [startedAt, to) the venue had no candle for between the
     * first and the last candle it returned; {@code firstReceived} is empty when it returned none.
     */
    public record Result(Asset asset, String venue, HourTs from, HourTs to, HourTs startedAt, int pages, int received,
                         int inserted, int duplicates, int conflicts, List<String> conflictKeys, Optional<HourTs> firstReceived,
                         Optional<HourTs> lastReceived, List<Gap> gaps) {
        public Result {
            conflictKeys = List.copyOf(conflictKeys);
            gaps = List.copyOf(gaps);
        }

        public boolean resumed() {
            return startedAt.isAfter(from);
        }

        public long missingHours() {
            return gaps.stream().mapToLong(Gap::missingHours).sum();
        }
    }

    private final CandleHistoryGateway venue;
    private final MarketDataRepository marketData;
    private final MarketDataCoverageRepository coverage;

    public MarketDataDownload(CandleHistoryGateway venue, MarketDataRepository marketData, MarketDataCoverageRepository coverage) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.marketData = Objects.requireNonNull(marketData, "marketData");
        this.coverage = Objects.requireNonNull(coverage, "coverage");
    }

    /**
     * Downloads [from, to) of {@code asset} (registered in the asset table by the caller).
     *
     * @throws io.tradingcore.ports.out.MarketDataUnavailableException when the venue fails; pages stored before stay,
     *                                                                 and the next call resumes after them
     */
    public Result download(Asset asset, HourTs from, HourTs to, Progress progress) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to, was " + from + " .. " + to);
        }
        HourTs start = resumePoint(asset, from, to);
        long toDo = hours(start, to);
        UUID ingestRun = DeterministicIds.uuid("download", venue.venue(), asset.symbol(), from.toString(), to.toString());
        Tally t = new Tally();
        if (start.isBefore(to)) {
            venue.hourlyCandlePages(asset, start, to, page -> {
                IngestResult r = marketData.ingestCandles(venue.venue(), ingestRun, page);
                t.add(page, r);
                progress.page(asset, t.last, hours(start, t.last.plusHours(1)), toDo);
            });
        }
        return new Result(asset, venue.venue(), from, to, start, t.pages, t.received, t.inserted, t.duplicates, t.conflicts,
                t.conflictKeys, Optional.ofNullable(t.first), Optional.ofNullable(t.last), t.gaps);
    }

    /** After the last stored hour when the stored candles cover the window's start; else the window's start. */
    private HourTs resumePoint(Asset asset, HourTs from, HourTs to) {
        Optional<Coverage> stored = coverage.coverage().stream()
                .filter(c -> c.asset().equals(asset.id()) && c.venue().equals(venue.venue())).findFirst();
        if (stored.isEmpty() || stored.get().first().isAfter(from) || stored.get().last().isBefore(from)) {
            return from;
        }
        HourTs next = stored.get().last().plusHours(1);
        return next.isAfter(to) ? to : next;
    }

    private static long hours(HourTs a, HourTs b) {
        return java.time.Duration.between(a.toInstant(), b.toInstant()).toHours();
    }

    /** Counts across pages; a gap is a jump of more than one hour between consecutive candles, pages included. */
    private static final class Tally {
        int pages;
        int received;
        int inserted;
        int duplicates;
        int conflicts;
        final List<String> conflictKeys = new ArrayList<>();
        final List<Gap> gaps = new ArrayList<>();
        HourTs first;
        HourTs last;

        void add(List<Candle> page, IngestResult r) {
            pages++;
            received += page.size();
            inserted += r.inserted();
            duplicates += r.identicalDuplicates();
            conflicts += r.conflicts();
            conflictKeys.addAll(r.conflictKeys());
            for (Candle c : page) {
                HourTs h = c.openTime();
                if (first == null) {
                    first = h;
                } else if (h.isAfter(last.plusHours(1))) {
                    gaps.add(new Gap(last.plusHours(1), h.minusHours(1)));
                }
                last = h;
            }
        }
    }
}
