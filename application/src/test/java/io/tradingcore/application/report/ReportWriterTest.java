package io.tradingcore.application.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void writesAPngChartOfNonTrivialSize() throws Exception {
        ReportWriter.Written w = ReportWriter.write(dir.resolve("out"), SyntheticRun.input(30, 7));

        byte[] png = Files.readAllBytes(w.equityPng());
        assertThat(w.equityPng().getFileName()).hasToString("equity.png");
        assertThat(Arrays.copyOf(png, 8)).containsExactly(PNG_MAGIC);
        assertThat(png.length).isGreaterThan(20_000);
    }

    @Test
    void writesOneSelfContainedHtmlPageWithTablesAndEmbeddedChart() throws Exception {
        ReportWriter.Written w = ReportWriter.write(dir, SyntheticRun.input(30, 7));

        String html = Files.readString(w.html(), StandardCharsets.UTF_8);
        assertThat(html).contains("<table>", "Overall", "Time in drawdown tier", "Walk-forward folds",
                "Buy &amp; hold", "Sharpe", "Max drawdown duration (h)", "HALT20", "data:image/png;base64,");
        // the title is escaped, not interpreted
        assertThat(html).contains("Synthetic backtest &lt;BTC/USDT &amp; ETH/USDT&gt;");
        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContain("<link").doesNotContain("<script");
        // one table row per fold
        assertThat(html.substring(0, html.indexOf("<h2>Trades")).split("<td class=\"label\">", -1).length - 1)
                .isEqualTo(23 + 4 + 3);
    }

    @Test
    void writesMetricsJsonWithTheSameFigures() throws Exception {
        ReportWriter.Written w = ReportWriter.write(dir, SyntheticRun.input(30, 7));

        String json = Files.readString(w.metricsJson(), StandardCharsets.UTF_8);
        PerformanceMetrics s = w.report().overall().strategy();
        assertThat(json).startsWith("{").endsWith("}\n")
                .contains("\"periodsPerYear\": 8760")
                .contains("\"totalReturn\": " + s.totalReturn())
                .contains("\"sharpe\": " + s.sharpe().getAsDouble())
                .contains("\"buyAndHold\": {")
                .contains("\"index\": 3")
                .contains("\"title\": \"Synthetic backtest <BTC/USDT & ETH/USDT>\"");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void writesAReportForAFlatCurveWithoutTradesWhoseRatiosAreNull() throws Exception {
        List<EquityPoint> flat = Curves.flatExposureFree("1000", "1000", "1000");
        TreeMap<Instant, BigDecimal> price = new TreeMap<>();
        price.put(Curves.h(1), Curves.d("5"));
        ReportInput in = new ReportInput("flat", Curves.d("1000"), flat, List.of(), List.of(),
                new TreeMap<>(Map.of("STABLE/USDT", price)));

        ReportWriter.Written w = ReportWriter.write(dir, in);

        assertThat(Files.size(w.equityPng())).isGreaterThan(1_000);
        assertThat(Files.readString(w.metricsJson())).contains("\"sharpe\": null", "\"calmar\": null",
                "\"winRate\": null", "\"folds\": []");
        assertThat(Files.readString(w.html())).contains("n/a").doesNotContain("Walk-forward folds");
    }

    @Test
    void sameInputGivesIdenticalJsonAndHtmlTables() throws Exception {
        ReportWriter.Written a = ReportWriter.write(dir.resolve("a"), SyntheticRun.input(10, 3));
        ReportWriter.Written b = ReportWriter.write(dir.resolve("b"), SyntheticRun.input(10, 3));

        assertThat(Files.readString(a.metricsJson())).isEqualTo(Files.readString(b.metricsJson()));
        assertThat(SummaryTable.render(a.report())).isEqualTo(SummaryTable.render(b.report()));
    }
}
