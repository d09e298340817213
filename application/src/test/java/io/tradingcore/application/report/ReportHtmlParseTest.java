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
        ReportInput in = withRiskEvents(SyntheticRun.input(40, 7));
        ReportWriter.Written w = ReportWriter.write(dir, in);
        Document doc = Jsoup.parse(w.html().toFile(), "UTF-8");

        assertThat(doc.select("h2").eachText()).startsWith("Equity and drawdown").contains("Overall", "Time in drawdown tier",
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
        assertThat(doc.select("img")).hasSize(3); // equity, and one price chart per asset
        assertThat(doc.select("h2").eachText()).contains("Price and trades: BTC/USDT", "Price and trades: ETH/USDT");
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
