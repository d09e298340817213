package io.tradingcore.application.backtest;

import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.adapter.exchange.SimulatedVenue;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.SimulatedAccounts;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.out.HourlyState;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a walk-forward backtest reads from the store before it runs an hour: the candles of its window (plus the
 * training history before it and the label horizon after it), where the stored data ends, the first hour not
 * finished yet, and the simulated venue rebuilt as it was at that hour.
 */
final class BacktestInputs {

    /** Candles past the window the trainer needs for its longest label (H24) plus the closing hour. */
    static final int LABEL_HORIZON_HOURS = 24;

    private final Persistence ports;

    BacktestInputs(Persistence ports) {
        this.ports = ports;
    }

    /** The candles of every asset from the first fold's training start to {@link #loadedTo}; refuses an asset with none in the window. */
    SortedMap<AssetId, List<Candle>> loadCandles(WalkForwardBacktest.Request r, FoldPlan plan, String venueName) {
        HourTs earliest = plan.folds().get(0).trainFrom();
        HourTs latest = loadedTo(r);
        SortedMap<AssetId, List<Candle>> out = new TreeMap<>();
        for (Asset a : r.assets()) {
            List<Candle> list = ports.marketData().candles(a.id(), venueName, earliest, latest);
            boolean anyInWindow = list.stream().anyMatch(c -> !c.openTime().isBefore(r.from()) && c.openTime().isBefore(r.to()));
            if (!anyInWindow) {
                throw new IllegalArgumentException("no " + venueName + " candles of " + a.symbol() + " between " + r.from()
                        + " and " + r.to() + " (ingest them first: trading-core ingest --csv FILE)");
            }
            out.put(a.id(), list);
        }
        return out;
    }

    /** The end (exclusive) of the candles loaded for {@code r}: its window plus the label horizon. */
    static HourTs loadedTo(WalkForwardBacktest.Request r) {
        return r.to().plusHours(LABEL_HORIZON_HOURS + 1);
    }

    /** The hour after the latest stored candle of any asset: hours from there on have no data yet. */
    static HourTs dataEnd(SortedMap<AssetId, List<Candle>> candles) {
        HourTs last = null;
        for (List<Candle> list : candles.values()) {
            for (Candle c : list) {
                if (last == null || c.openTime().isAfter(last)) {
                    last = c.openTime();
                }
            }
        }
        return last.plusHours(1);
    }

    /** The first hour from {@code from} on that no stored run of the backtest has finished (COMPLETED or SKIPPED). */
    HourTs firstUnfinishedHour(BacktestRunId id, HourTs from, HourTs to) {
        TreeSet<HourTs> finished = new TreeSet<>();
        for (RunContext rc : ports.runs().runsOfBacktest(id)) {
            if (rc.status() == RunStatus.COMPLETED || rc.status() == RunStatus.SKIPPED) {
                finished.add(rc.hour());
            }
        }
        HourTs h = from;
        while (h.isBefore(to) && finished.contains(h)) {
            h = h.plusHours(1);
        }
        return h;
    }

    /**
     * A fresh simulated venue holding what the account held at the end of the last finished hour, with
     * the orders the store still has open re-submitted and executed (deterministically, so they fill
     * exactly as they did before an interruption).
     */
    SimulatedVenue rebuildVenue(WalkForwardBacktest.Request r, AppConfig cfg, AccountId account,
                                SortedMap<AssetId, List<Candle>> candles, HourTs firstUnfinished) {
        Optional<HourlyState> prior = ports.states().latestBefore(account, RunMode.BACKTEST, firstUnfinished);
        SimulatedVenue venue = Exchanges.simulatedImmediateOrCancel(SimulatedAccounts.config(cfg, r.assets(), prior), r.assets());
        List<Order> open = ports.execution().openOrders(account, RunMode.BACKTEST);
        HourTs firstCandle = open.stream().map(o -> o.request().hour()).min(HourTs::compareTo).orElse(r.from());
        if (firstCandle.isAfter(r.from())) {
            firstCandle = r.from();
        }
        for (List<Candle> list : candles.values()) {
            final HourTs start = firstCandle;
            venue.addCandles(list.stream().filter(c -> !c.openTime().isBefore(start)).toList());
        }
        for (Order o : open) {
            venue.submit(o.request());
        }
        if (!open.isEmpty()) {
            venue.executeThrough(firstUnfinished.minusHours(1));
        }
        return venue;
    }
}
