package io.tradingcore.application.backtest;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.report.EquityPoint;
import io.tradingcore.application.report.FoldWindow;
import io.tradingcore.application.report.ReportInput;
import io.tradingcore.application.report.ReportWriter;
import io.tradingcore.application.report.RiskEventRecord;
import io.tradingcore.application.report.SignalNote;
import io.tradingcore.application.report.TradeRecord;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.BacktestFoldResult;
import io.tradingcore.ports.out.BacktestRunRepository.BacktestRunDefinition;
import io.tradingcore.ports.out.ReportingRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

/** Loads a stored backtest from the database into a {@link ReportInput} and writes the report files. */
public final class BacktestReports {

    private final Persistence p;

    public BacktestReports(Persistence p) {
        this.p = p;
    }

    public ReportInput input(BacktestRunId id) {
        BacktestRunDefinition def = p.backtests().find(id)
                .orElseThrow(() -> new NoSuchElementException("no backtest with id " + id.value()));
        String venue = ConfigLoader.fromCanonical(def.configCanonicalJson()).config().trading().venue();
        List<EquityPoint> equity = new ArrayList<>();
        for (ReportingRepository.EquityRow r : p.reporting().equityCurve(def.account(), RunMode.BACKTEST, def.testFrom(), def.testTo())) {
            equity.add(new EquityPoint(r.hour().toInstant(), r.equity(), r.cash(), r.positionsValue(), r.tier().name()));
        }
        TreeMap<AssetId, String> symbols = new TreeMap<>();
        for (Asset a : p.reference().assets()) {
            if (def.assetSymbols().contains(a.symbol())) {
                symbols.put(a.id(), a.symbol());
            }
        }
        List<TradeRecord> trades = new ArrayList<>();
        for (ReportingRepository.TradeRow t : p.reporting().trades(def.account(), RunMode.BACKTEST, def.testFrom(),
                def.testTo().plusHours(1))) {
            trades.add(new TradeRecord(t.executedAt(), symbols.getOrDefault(t.asset(), t.asset().toString()), t.side().name(),
                    t.quantity(), t.price(), t.fee(), t.side().name().equals("SELL") ? t.realisedPnl() : null));
        }
        List<FoldWindow> folds = new ArrayList<>();
        SortedMap<Integer, SortedMap<String, Double>> foldMetrics = new TreeMap<>();
        for (BacktestFoldResult f : p.folds().foldResults(id)) {
            Instant from = f.testFrom();
            Instant to = f.testTo();
            if (equity.stream().anyMatch(e -> !e.hour().isBefore(from) && e.hour().isBefore(to))) {
                folds.add(new FoldWindow(f.foldIndex(), from, to));
            }
            SortedMap<String, Double> m = new TreeMap<>();
            f.metrics().forEach((k, v) -> m.put(k, v.doubleValue()));
            foldMetrics.put(f.foldIndex(), m);
        }
        SortedMap<String, SortedMap<Instant, BigDecimal>> closes = new TreeMap<>();
        for (var e : symbols.entrySet()) {
            SortedMap<Instant, BigDecimal> series = new TreeMap<>();
            // the close of candle H is the mark at H + 1h, the hour the cycle that sees it runs
            for (Candle c : p.marketData().candles(e.getKey(), venue, def.testFrom().minusHours(1), def.testTo())) {
                series.put(c.closeTime().toInstant(), c.close());
            }
            closes.put(e.getValue(), series);
        }
        String title = "Walk-forward backtest " + id.value() + ": " + String.join(", ", def.assetSymbols()) + ", "
                + def.testFrom() + " .. " + def.testTo() + ", seed " + def.seed();
        List<RiskEventRecord> events = new ArrayList<>();
        for (RiskEvent e : p.decisions().riskEvents(def.account(), RunMode.BACKTEST, def.testFrom(), def.testTo())) {
            boolean tierChange = e.type() == RiskEventType.TIER_CHANGE;
            events.add(new RiskEventRecord(e.hour().toInstant(), e.type().name(), e.asset() == null ? null
                    : symbols.getOrDefault(e.asset(), e.asset().toString()), tierChange && e.fromTier() != null ? e.fromTier().name() : null,
                    tierChange ? e.tier().name() : null, e.rule() + ": " + e.detail()));
        }
        List<SignalNote> signals = new ArrayList<>();
        // every asset-hour's signal: ENTER/EXIT explain the trips, all of them give the META probability and regime charts
        for (TradeSignal sg : p.decisions().hourlySignals(def.account(), RunMode.BACKTEST, def.testFrom(), def.testTo())) {
            SignalDecision d = sg.decision();
            signals.add(new SignalNote(sg.hour().toInstant(), symbols.getOrDefault(sg.asset(), sg.asset().toString()), d.action().name(),
                    d.horizon().name(), d.probability(), d.expectedReturn(), d.regime(), d.regime() + ": " + d.reason()));
        }
        return new ReportInput(title, def.initialCapital(), equity, trades, folds, closes, events, signals, foldMetrics);
    }

    public ReportWriter.Written write(BacktestRunId id, Path outDir) throws IOException {
        return ReportWriter.write(outDir, input(id));
    }
}
