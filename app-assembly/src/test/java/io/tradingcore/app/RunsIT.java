package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * `runs list|show|compare|export` on a real PostgreSQL after two short real backtests that differ in one
 * configuration key (the bundled BTC/USDT candles, 3 days each).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsIT {
    private static final Path DATA = Path.of("..", "data", "market");
    private TestDatabases.Db db;
    private String first;
    private String second;

    private String failed;

    private String backtest(String minEdge) throws Exception {
        Path config = Files.createTempFile("runs", ".yaml");
        Files.writeString(config, """
                trading:
                  signal:
                    decisionHorizon: H1
                    minEdge: %s
                walkForward:
                  trainHours: 2520
                  testHours: 72
                """.formatted(minEdge));
        InProcessCli.Result r = InProcessCli.run(db, "backtest", "--assets", "BTC/USDT", "--from", "2025-02-01", "--to", "2025-02-04",
                "--config", config.toString(), "--seed", "3", "--report-dir", Files.createTempDirectory("runs-report").toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        Matcher m = Pattern.compile("backtest run id: ([0-9a-f-]{36})").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }

    @BeforeAll
    void twoBacktests() throws Exception {
        db = TestDatabases.freshDatabase("cli_runs");
        InProcessCli.Result ingest = InProcessCli.run(db, "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString());
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        first = backtest("0");
        second = backtest("0.001");
        // too little training data for 1,440 hours of one asset: the backtest fails after its definition is stored
        Path tooShort = Files.createTempFile("runs-fail", ".yaml");
        Files.writeString(tooShort, "walkForward:\n  trainHours: 1440\n  testHours: 72\n");
        InProcessCli.Result r = InProcessCli.run(db, "backtest", "--assets", "BTC/USDT", "--from", "2025-02-01", "--to", "2025-02-04",
                "--config", tooShort.toString(), "--seed", "3");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        // the error names the minimum, what was found and the remedy: 1,440 hours of one asset can never hold 2,000 samples
        assertThat(r.err()).containsPattern("only \\d+ training samples in \\[").contains("need at least 2000")
                .contains("fold 0 trains on the 1440 hours (walkForward.trainHours)")
                .contains("no --from up to --to 2025-02-04T00:00:00Z gives that many").contains("raise walkForward.trainHours");
        Matcher m = Pattern.compile("backtest ([0-9a-f-]{36}) on account").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        failed = m.group(1);
    }

    @Test
    void aSeedGivenTwiceWithDifferentValuesIsRefusedBeforeAnythingIsStored() throws Exception {
        Path twoSeeds = Files.createTempFile("runs-seed", ".yaml");
        Files.writeString(twoSeeds, "simulation:\n  seed: 7\n");
        long before = InProcessCli.run(db, "runs", "list").out().lines().count();
        InProcessCli.Result r = InProcessCli.run(db, "backtest", "--assets", "BTC/USDT", "--from", "2025-02-01", "--to", "2025-02-04",
                "--config", twoSeeds.toString(), "--seed", "3");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--seed 3 and simulation.seed 7 of the configuration differ: a run has one seed");
        assertThat(InProcessCli.run(db, "runs", "list").out().lines().count()).isEqualTo(before);
    }

    @Test
    void aFailedBacktestIsListedAsFailedWithItsError() {
        InProcessCli.Result list = InProcessCli.run(db, "runs", "list");
        assertThat(list.out()).containsPattern(failed + "\\s+BTC/USDT.*FAILED\\s+0/72")
                .contains("FAILED " + failed + ": IllegalArgumentException: only ").contains("training samples");
        InProcessCli.Result show = InProcessCli.run(db, "runs", "show", failed);
        assertThat(show.out()).contains("status        FAILED: IllegalArgumentException: only ");
    }

    @Test
    void listShowsBothNewestFirstWithTheirFigures() {
        long t = System.nanoTime();
        InProcessCli.Result r = InProcessCli.run(db, "runs", "list");
        System.out.printf(Locale.ROOT, "runs list (2 backtests of 72 h): %.2f s%n", (System.nanoTime() - t) / 1e9);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("id", "assets", "window (UTC)", "config", "status", "return", "Sharpe", "max DD", "trades", "created");
        assertThat(r.out().indexOf(second)).isPositive().isLessThan(r.out().indexOf(first));
        assertThat(r.out().indexOf(failed)).isPositive().isLessThan(r.out().indexOf(second));
        assertThat(r.out()).containsPattern(first + "\\s+BTC/USDT\\s+2025-02-01T00\\.\\.2025-02-04T00\\s+[0-9a-f]{12}\\s+COMPLETED\\s+72/72\\s+-?[0-9.]+%");
    }

    @Test
    void showPrintsTheDefinitionFiguresAndConfiguration() {
        InProcessCli.Result r = InProcessCli.run(db, "runs", "show", first.substring(0, 8));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("backtest      " + first).contains("status        COMPLETED").contains("hours done    72")
                .contains("seed          3").containsPattern("Sharpe        (-?[0-9.]+|n/a)").contains("trading.signal.minEdge");
    }

    @Test
    void aWrongIdListsTheStoredOnes() {
        InProcessCli.Result r = InProcessCli.run(db, "runs", "show", "00000000-0000-0000-0000-000000000000");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no backtest with id 00000000-0000-0000-0000-000000000000").contains(first).contains(second)
                .contains("BTC/USDT 2025-02-01T00..2025-02-04T00 COMPLETED");
        assertThat(InProcessCli.run(db, "runs", "show", "zz").err()).contains("is not a backtest id");
        InProcessCli.Result replay = InProcessCli.run(db, "replay", "--backtest-run-id", "ffffffff");
        assertThat(replay.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(replay.err()).contains("no backtest with id ffffffff (--backtest-run-id); stored backtests, newest first: ").contains(first);
    }

    @Test
    void theReportOfAStoredBacktestExplainsItsTrades() throws Exception {
        Path dir = Files.createTempDirectory("runs-report-out");
        InProcessCli.Result r = InProcessCli.run(db, "report", "--backtest-run-id", first.substring(0, 8), "--out", dir.toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(dir.resolve("report.html").toFile(), "UTF-8");
        assertThat(doc.select("h2").eachText()).contains("Overall", "Per asset").anyMatch(h -> h.startsWith("Trades (round trips"))
                .anyMatch(h -> h.startsWith("Monthly returns")).anyMatch(h -> h.startsWith("Risk events"));
        org.jsoup.nodes.Element overall = doc.select("table").first();
        assertThat(overall.select("tr").stream().filter(tr -> tr.text().startsWith("CAGR")).findFirst().orElseThrow().text())
                .isEqualTo("CAGR n/a n/a");
        long fills = Files.readAllLines(exportTrades()).size() - 1;
        org.jsoup.nodes.Element trips = doc.select("table").stream().filter(t -> t.selectFirst("caption").text().startsWith("Trades"))
                .findFirst().orElseThrow();
        int tripFills = trips.select("tr").stream().skip(1).mapToInt(tr -> Integer.parseInt(tr.select("td").last().text())).sum();
        assertThat((long) tripFills).isLessThanOrEqualTo(fills);
        assertThat(fills == 0 || tripFills > 0).isTrue();
    }

    private Path exportTrades() throws Exception {
        Path dir = Files.createTempDirectory("runs-report-trades");
        assertThat(InProcessCli.run(db, "runs", "export", first, "--out", dir.toString(), "--what", "trades").exitCode()).isZero();
        return dir.resolve("trades.csv");
    }

    @Test
    void compareShowsFiguresSideBySideAndOnlyTheConfigurationKeysThatDiffer() {
        InProcessCli.Result r = InProcessCli.run(db, "runs", "compare", first, second);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains(first.substring(0, 8), second.substring(0, 8)).containsPattern("Sharpe\\s+")
                .containsPattern("trading\\.signal\\.minEdge\\s+0\\S*\\s+0\\.001").contains("1 configuration key(s) differ");
        assertThat(r.out()).doesNotContain("walkForward.trainHours");
    }

    @Test
    void exportWritesEveryKindAsCsvAndJsonWithStableColumns() throws Exception {
        Path csv = Files.createTempDirectory("export-csv");
        long t = System.nanoTime();
        InProcessCli.Result r = InProcessCli.run(db, "runs", "export", first, "--out", csv.toString());
        System.out.printf(Locale.ROOT, "runs export csv (6 kinds, 72 h): %.2f s%n", (System.nanoTime() - t) / 1e9);
        assertThat(r.exitCode()).as(r.all()).isZero();
        for (String kind : List.of("trades", "orders", "fills", "signals", "ledger", "risk_events")) {
            assertThat(csv.resolve(kind + ".csv")).exists();
        }
        List<String> signals = Files.readAllLines(csv.resolve("signals.csv"));
        assertThat(signals.get(0)).isEqualTo("hour_ts_utc,asset,action,horizon,probability,expected_return,target_notional,signal_id");
        assertThat(signals).hasSize(1 + 72);
        assertThat(Files.readAllLines(csv.resolve("trades.csv")).get(0))
                .isEqualTo("executed_at_utc,hour_ts_utc,asset,side,quantity,price,gross_notional,fee_quote,realized_pnl,trade_id,order_id,fill_id");
        assertThat(Files.readAllLines(csv.resolve("ledger.csv")).get(1)).contains("DEPOSIT");

        Path json = Files.createTempDirectory("export-json");
        InProcessCli.Result j = InProcessCli.run(db, "runs", "export", first.substring(0, 10), "--out", json.toString(), "--format", "json",
                "--what", "signals,ledger");
        assertThat(j.exitCode()).as(j.all()).isZero();
        assertThat(json.resolve("trades.json")).doesNotExist();
        JsonNode s = new ObjectMapper().readTree(json.resolve("signals.json").toFile());
        assertThat(s.size()).isEqualTo(72);
        assertThat(s.get(0).get("asset").asText()).isEqualTo("BTC/USDT");
        assertThat(s.get(0).get("probability").isNumber()).isTrue();
        assertThat(s.get(0).get("hour_ts_utc").asText()).isEqualTo("2025-02-01T00:00:00Z");

        InProcessCli.Result bad = InProcessCli.run(db, "runs", "export", first, "--out", json.toString(), "--what", "positions");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--what 'positions' is not one of");
    }
}
