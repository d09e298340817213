package io.tradingcore.application.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html parsed as a browser would: every section present, the tables explain the trades, every image decodes. */
class ReportHtmlParseTest {
    @TempDir
    Path dir;

    static ReportInput withRiskEvents(ReportInput in) {
        List<RiskEventRecord> events = new ArrayList<>(List.of(
                new RiskEventRecord(Instant.parse("2024-03-05T10:00:00Z"), "TIER_CHANGE", null, "NORMAL", "DD10",
                        "drawdown 10.4% reached the 10% tier: new entries halved"),
                new RiskEventRecord(Instant.parse("2024-03-02T03:00:00Z"), "ORDER_DENIED", "BTC/USDT", null, null,
                        "no leverage: notional 5200.00 exceeds free cash 4100.00")));
        List<SignalNote> signals = List.of(new SignalNote(Instant.parse("2024-03-01T01:00:00Z"), "BTC/USDT", "ENTER", "H24", 0.61, 0.0042,
                "TREND_UP: META 0.61 beats 0.55 and edge 0.42% beats cost"));
        return new ReportInput(in.title(), in.initialCapital(), in.equity(), in.trades(), in.folds(), in.closePrices(), events, signals);
    }

    /**
     * {@code in} with a signal for every asset-hour (HOLD, and the run's ENTER first; regimes alternating by day) and the
     * stored metrics of two folds: fold 1's H24 META (1.170) is worse than its constant baseline (0.735), fold 2's H4
     * META beats the constant (0.660 vs 0.680) but not the volatility baseline (0.650); the rest beat both.
     */
    static ReportInput withModels(ReportInput in) {
        List<SignalNote> signals = new ArrayList<>(in.signals());
        String[] regimes = {"TRENDING_UP", "RANGING", "HIGH_VOL", "TRENDING_DOWN"};
        for (String asset : in.closePrices().keySet()) {
            for (EquityPoint p : in.equity()) {
                if (signals.stream().noneMatch(n -> n.asset().equals(asset) && n.hour().equals(p.hour()))) {
                    long h = p.hour().getEpochSecond() / 3600;
                    signals.add(new SignalNote(p.hour(), asset, "HOLD", "H24", 0.45 + 0.1 * Math.sin(h / 10.0), 0.0,
                            regimes[(int) (h / 24 % regimes.length)], "no edge"));
                }
            }
        }
        java.util.SortedMap<Integer, java.util.SortedMap<String, Double>> metrics = new java.util.TreeMap<>();
        java.util.SortedMap<String, Double> f1 = new java.util.TreeMap<>();
        for (String role : ModelDiagnostics.ROLES) {
            for (String h : List.of("H1", "H4", "H24")) {
                f1.put(role + "." + h + ".log_loss", 0.600);
                f1.put(role + "." + h + ".auc", 0.55);
            }
        }
        for (String h : List.of("H1", "H4", "H24")) {
            f1.put("baseline." + h + ".log_loss", 0.735);
            f1.put("labelled." + h + ".samples", 1000.0);
        }
        f1.put("META.H24.log_loss", 1.170);
        java.util.SortedMap<String, Double> f2 = new java.util.TreeMap<>(f1);
        f2.put("META.H24.log_loss", 0.600);
        f2.put("baseline.H4.log_loss", 0.680);
        f2.put("baseline_vol.H4.log_loss", 0.650);
        f2.put("META.H4.log_loss", 0.660);
        f2.put("BASE_TREE.H4.log_loss", 0.640);
        f2.put("BASE_DEEP.H4.log_loss", 0.640);
        // fold 2 also stored its trees' feature importance and the reliability tables of H1 (META and tree)
        for (String h : List.of("H1", "H4", "H24")) {
            f2.put("BASE_TREE." + h + ".importance_gain.f00_ret_1h", 0.10);
            f2.put("BASE_TREE." + h + ".importance_gain.f06_rv_24h", 0.45);
            f2.put("BASE_TREE." + h + ".importance_gain.f07_rv_168h", 0.30);
            f2.put("BASE_TREE." + h + ".importance_gain.f14_range_1h", 0.15);
            f2.put("BASE_TREE." + h + ".importance_gain.f19_spread_bps", 0.0);
        }
        for (String role : List.of("META", "BASE_TREE")) {
            f2.put(role + ".H1.calibration.b1.count", 300.0);
            f2.put(role + ".H1.calibration.b1.mean_p", 0.15);
            f2.put(role + ".H1.calibration.b1.observed", 0.17);
            f2.put(role + ".H1.calibration.b3.count", 100.0);
            f2.put(role + ".H1.calibration.b3.mean_p", 0.35);
            f2.put(role + ".H1.calibration.b3.observed", 0.31);
        }
        metrics.put(1, f1);
        metrics.put(2, f2);
        return new ReportInput(in.title(), in.initialCapital(), in.equity(), in.trades(), in.folds(), in.closePrices(), in.riskEvents(),
                signals, metrics);
    }

    static Element table(Document doc, String captionStart) {
        return doc.select("table").stream().filter(t -> t.selectFirst("caption") != null
                && t.selectFirst("caption").text().startsWith(captionStart)).findFirst().orElseThrow(() ->
                new AssertionError("no table captioned '" + captionStart + "...'"));
    }

    static List<String> column(Element table, int index) {
        return table.select("tr").stream().skip(1).map(r -> r.select("td").get(index).text()).toList();
    }

    @Test
    void everySectionIsThereAndTheTablesExplainTheRun() throws Exception {
        ReportInput in = withModels(withRiskEvents(SyntheticRun.input(40, 7)));
        ReportWriter.Written w = ReportWriter.write(dir, in);
        Document doc = Jsoup.parse(w.html().toFile(), "UTF-8");

        assertThat(doc.select("h2").eachText()).startsWith("Model warnings", "Equity and drawdown").contains("Overall", "Time in drawdown tier",
                "Walk-forward folds", "Per asset", "Top 5 drawdowns", "Risk events (2)")
                .anyMatch(h -> h.startsWith("Trades (round trips")).anyMatch(h -> h.startsWith("Monthly returns"));

        List<RoundTrips.Trip> trips = RoundTrips.of(in.trades());
        Element trades = table(doc, "Trades (round trips");
        assertThat(trades.select("tr")).hasSize(1 + trips.size());
        assertThat(trades.select("th").eachText()).containsExactly("#", "Asset", "Entry (UTC)", "Entry price", "Exit (UTC)",
                "Exit price", "Quantity", "Fees", "Realised PnL", "Held (h)", "Fills", "Horizon", "Probability", "Expected return",
                "Entry reason", "Exit reason");
        assertThat(column(trades, 11).get(0)).isEqualTo("H24");
        assertThat(column(trades, 12).get(0)).isEqualTo("0.610");
        assertThat(column(trades, 13).get(0)).isEqualTo("0.4200%");
        assertThat(column(trades, 14).get(0)).startsWith("TREND_UP: META 0.61");
        assertThat(column(trades, 15).get(0)).isEqualTo("-");
        assertThat(column(trades, 1)).containsOnly("BTC/USDT");
        assertThat(column(trades, 2).get(0)).isEqualTo(Fmt.time(trips.get(0).entry()));
        assertThat(column(trades, 9).get(0)).isEqualTo("47"); // bought at hour 1, sold at hour 48
        assertThat(column(trades, 8).get(0)).isEqualTo(Fmt.money(in.trades().get(1).realisedPnl()));

        Element perAsset = table(doc, "Per asset");
        assertThat(column(perAsset, 0)).containsExactly("BTC/USDT", "ETH/USDT");
        assertThat(column(perAsset, 1)).containsExactly(Integer.toString(in.trades().size()), "0");

        Element monthly = table(doc, "Monthly returns");
        assertThat(monthly.select("th").eachText()).startsWith("Year", "Jan", "Feb", "Mar", "Apr").endsWith("Dec", "Year");
        assertThat(column(monthly, 0)).containsExactly("2024");
        assertThat(column(monthly, 3).get(0)).endsWith("%"); // March
        assertThat(column(monthly, 4).get(0)).endsWith("%"); // April (40 days from 1 March)
        assertThat(column(monthly, 5).get(0)).isEmpty();

        Element risk = table(doc, "Risk events");
        assertThat(column(risk, 1)).containsExactly("ORDER_DENIED", "TIER_CHANGE");
        assertThat(column(risk, 3)).containsExactly("-", "NORMAL -> DD10");
        assertThat(column(risk, 4).get(0)).contains("no leverage");

        for (Element img : doc.select("img")) {
            String src = img.attr("src");
            assertThat(src).startsWith("data:image/png;base64,");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            assertThat(image).as("image '%s' decodes", img.attr("alt")).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(100);
        }
        // equity, rolling Sharpe and exposure, monthly heat map, regime timeline, and one price chart per asset
        assertThat(doc.select("img").eachAttr("alt")).hasSize(6);
        assertThat(doc.select("h2").eachText()).contains("Rolling Sharpe and exposure", "Monthly returns heat map", "Regime timeline",
                "Price and trades: BTC/USDT", "Price and trades: ETH/USDT");
        assertThat(image(doc, "Price and trades: BTC/USDT").getHeight()).as("price with the META probability panel beneath")
                .isEqualTo(360 + 220);
        assertThat(image(doc, "Regime timeline").getHeight()).as("one band per asset").isGreaterThan(2 * 28);

        assertThat(doc.select("li.warning").eachText()).containsExactly(
                "WARNING: fold 1 H24 META log loss 1.170 vs baseline 0.735",
                "WARNING: fold 2 H4 META log loss 0.660 vs volatility baseline 0.650");
        assertThat(doc.select("h2").eachText().indexOf("Model warnings")).as("warnings come before the charts and tables")
                .isLessThan(doc.select("h2").eachText().indexOf("Equity and drawdown"));
        Element models = table(doc, "Model diagnostics");
        assertThat(models.select("th").eachText()).containsExactly("Fold", "Horizon", "Role", "Labelled rows", "Log loss", "AUC",
                "Constant baseline", "Volatility baseline", "Log loss minus best baseline", "Verdict");
        assertThat(models.select("tr")).hasSize(1 + 2 * 3 * 3);
        assertThat(column(models, 1).subList(0, 9)).containsExactly("H1", "H1", "H1", "H4", "H4", "H4", "H24", "H24", "H24");
        assertThat(column(models, 9).stream().filter(v -> v.startsWith("WORSE")).count()).isEqualTo(2);
        assertThat(column(models, 7).get(0)).isEqualTo("n/a"); // fold 1 stored no volatility baseline
        assertThat(column(models, 8).get(8)).isEqualTo("+0.4350");

        Element calibration = table(doc, "Calibration");
        assertThat(calibration.select("th").eachText()).startsWith("Fold", "Horizon", "Role", "p 0.0-0.1", "p 0.1-0.2")
                .endsWith("p 0.9-1.0", "Calibration error").hasSize(3 + 10 + 1);
        assertThat(calibration.select("tr")).hasSize(1 + 2); // fold 2 H1: tree, then META (fold 1 stored none)
        assertThat(column(calibration, 2)).containsExactly("BASE_TREE", "META");
        assertThat(column(calibration, 3)).containsOnly("-");
        assertThat(column(calibration, 4)).containsOnly("0.150 / 0.170 / 300");
        assertThat(column(calibration, 6)).containsOnly("0.350 / 0.310 / 100");
        assertThat(column(calibration, 13)).containsOnly("0.0250"); // (300 x 0.02 + 100 x 0.04) / 400
        Element importance = table(doc, "Feature importance");
        assertThat(importance.select("th").eachText()).containsExactly("Fold", "Horizon", "#1", "#2", "#3", "#4", "#5");
        assertThat(column(importance, 1)).containsExactly("H1", "H4", "H24");
        assertThat(column(importance, 2)).containsOnly("f06_rv_24h 45.00%");
        assertThat(column(importance, 5)).containsOnly("f00_ret_1h 10.00%");
        assertThat(column(importance, 6)).as("a feature never split on is not listed").containsOnly("-");
    }

    static BufferedImage image(Document doc, String heading) throws Exception {
        Element h = doc.select("h2").stream().filter(e -> e.text().equals(heading)).findFirst().orElseThrow();
        String src = h.nextElementSibling().attr("src");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
    }

    @Test
    void withoutStoredModelsOrSignalsThereIsNoWarningNoModelTableAndNoRegimeTimeline() throws Exception {
        Document doc = Jsoup.parse(ReportWriter.write(dir, SyntheticRun.input(10, 3)).html().toFile(), "UTF-8");
        assertThat(doc.select("li.warning")).isEmpty();
        assertThat(doc.select("h2").eachText()).doesNotContain("Model warnings", "Regime timeline")
                .noneMatch(h -> h.startsWith("Model diagnostics") || h.startsWith("Calibration") || h.startsWith("Feature importance"))
                .contains("Monthly returns heat map", "Rolling Sharpe and exposure");
        assertThat(image(doc, "Price and trades: BTC/USDT").getHeight()).as("no probability panel without signals").isEqualTo(360);
    }

    @Test
    void aShortRunShowsCagrAsNotApplicable() throws Exception {
        Document doc = Jsoup.parse(ReportWriter.write(dir, SyntheticRun.input(7, 3)).html().toFile(), "UTF-8");
        Element overall = table(doc, "Overall");
        Element cagr = overall.select("tr").stream().filter(r -> r.select("td").size() > 0 && r.select("td").get(0).text().equals("CAGR"))
                .findFirst().orElseThrow();
        assertThat(cagr.select("td").eachText()).containsExactly("CAGR", "n/a", "n/a");
        assertThat(table(doc, "Risk events").select("tr")).hasSize(1);
        assertThat(doc.select("h2").eachText()).contains("Risk events (none)");
    }
}
