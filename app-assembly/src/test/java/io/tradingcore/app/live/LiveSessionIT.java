package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.exchange.BinanceGateway;
import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceCredentials;
import io.tradingcore.app.LiveCommand;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.live.FakeBinance;
import io.tradingcore.application.live.LiveFixtures;
import io.tradingcore.application.live.LiveReconciliation;
import io.tradingcore.application.live.SteppingClock;
import io.tradingcore.application.live.StopSignal;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.risk.RiskEventType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code live} against a local fake of Binance: start-up reconciliation (a foreign order, the venue balance as the
 * opening deposit, no secret printed), then (issue 8) fills that happened while the process was down are found and
 * booked exactly once across restarts. The second scenario continues the account the first opened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSessionIT extends SessionsFixture {

    LiveSessionIT() {
        super("live_session", true);
    }

    @Test
    @Order(7)
    void liveWithFlagAndKeysReconcilesDepositsTheVenueBalanceAndRunsTheHourWithoutPrintingSecrets() throws Exception {
        List<Candle> served = servedEthCandles();
        Path noEntries = Files.createTempFile("live", ".yaml");
        Files.writeString(noEntries, "trading:\n  signal:\n    enterProbability: 1.0\n");
        try (FakeBinance fake = new FakeBinance("ETHUSDT", served)
                .answer("/api/v3/exchangeInfo", LiveFixtures.ETH_EXCHANGE_INFO)
                .answer("/api/v3/account", "{\"balances\":[{\"asset\":\"USDT\",\"free\":\"2500.50\",\"locked\":\"0.00\"}]}")
                .answer("/api/v3/openOrders", "[{\"symbol\":\"ETHUSDT\",\"orderId\":99,\"clientOrderId\":\"by-hand-1\",\"price\":\"1000.00\","
                        + "\"origQty\":\"1.0\",\"executedQty\":\"0.0\",\"cummulativeQuoteQty\":\"0.0\",\"status\":\"NEW\","
                        + "\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\"}]")
                .answer("/api/v3/allOrders", "[]")
                .answer("/api/v3/myTrades", "[]")) {
            SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T02:00:02Z"));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = LiveCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    Map.of("BINANCE_API_KEY", "live-key-1234567890", "BINANCE_API_SECRET", "live-secret-0987654321"), clock,
                    clock::advance, StopSignal.manual(), "--db-url", dbUrl, "--config", noEntries.toString(), "--assets", "ETH/USDT",
                    "--i-understand-live-trading", "--binance-url", fake.url(), "--hours", "1");
            String all = out + "\n" + err;
            assertThat(code).as(all).isZero();
            assertThat(out.toString()).contains("warning: reconciliation: foreign-order: order not placed by this system on ETH/USDT: venue id 99")
                    .contains("reconciliation: 1 finding(s)").contains("2025-06-01T02:00:00Z COMPLETED")
                    .contains("live: 1 hour(s): 1 run");
            assertThat(all).doesNotContain("live-secret-0987654321").doesNotContain("live-key-1234567890");
            assertThat(fake.requests).anyMatch(q -> q.path().equals("/api/v3/account"))
                    .filteredOn(q -> !q.path().equals("/api/v3/klines") && !q.path().equals("/api/v3/exchangeInfo"))
                    .allMatch(q -> "live-key-1234567890".equals(q.apiKeyHeader()) && !q.query().contains("live-secret"));
            short account = accountId("live-ETH_USDT");
            assertThat(count("SELECT count(*) FROM run_context WHERE account_id = " + account
                    + " AND run_mode = 'LIVE' AND status = 'COMPLETED'")).isOne();
            assertThat(count("SELECT count(*) FROM cash_ledger WHERE account_id = " + account + " AND entry_type = 'DEPOSIT'"
                    + " AND amount = 2500.50")).isOne();
            assertThat(count("SELECT count(*) FROM order_request WHERE account_id = " + account)).isZero();
            assertThat(count("SELECT count(*) FROM risk_event e JOIN run_context r ON r.run_id = e.run_id WHERE r.account_id = " + account
                    + " AND e.event_type = 'ORDER_UNKNOWN' AND e.hour_ts_utc = '2025-06-01T02:00:00Z'"
                    + " AND e.reason LIKE 'startup-reconciliation:foreign-order: order not placed by this system on ETH/USDT: venue id 99%'"))
                    .as("the foreign order is a durable risk event of the first hour run").isOne();
        }
    }

    /**
     * Issue 8, LIVE restart reconciliation: hour 03:00 places a MARKET buy (rounded to ETHUSDT's 0.0001 step) that the
     * venue has not filled when the session stops; while the process is down the venue fills it in two parts; the
     * restart at 04:00 finds both fills, records them as risk events and books each exactly once (fills, cash ledger,
     * position); a second restart at 05:00 finds nothing and books nothing; the order is placed once in all.
     */
    @Test
    @Order(8)
    void liveFillsThatHappenedWhileTheProcessWasDownAreBookedExactlyOnceAcrossRestarts() throws Exception {
        List<Candle> served = servedEthCandles();
        SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T03:00:02Z"));
        try (FakeBinance fake = new FakeBinance("ETHUSDT", served).trading(clock)
                .answer("/api/v3/exchangeInfo", LiveFixtures.ETH_EXCHANGE_INFO)
                .answer("/api/v3/account", "{\"balances\":[{\"asset\":\"USDT\",\"free\":\"2500.50\",\"locked\":\"0.00\"}]}")) {
            short account = accountId("live-ETH_USDT");
            BigDecimal cashBefore = decimal("SELECT balance_after FROM cash_ledger WHERE account_id = " + account
                    + " ORDER BY entry_seq DESC LIMIT 1");

            Run placing = live(fake, clock);
            assertThat(placing.code()).as(placing.all()).isZero();
            assertThat(placing.out()).contains("trading rules of ETH/USDT: tick 0.01, step 0.0001, minQty 0.0001, minNotional 5")
                    .contains("reconciliation: clean").contains("2025-06-01T03:00:00Z COMPLETED: 1 signal(s), 1 order(s)");
            assertThat(fake.placedClientOrderIds()).hasSize(1);
            String id = fake.placedClientOrderIds().get(0);
            BigDecimal qty = fake.placedQuantity(id);
            assertThat(qty.remainder(new BigDecimal("0.0001")).signum()).as("sent quantity " + qty + " is on the step").isZero();
            assertThat(decimal("SELECT requested_qty FROM order_request WHERE client_order_id = '" + id + "'"))
                    .as("the stored order is the one sent").isEqualByComparingTo(qty);
            assertThat(text("SELECT status FROM order_request WHERE client_order_id = '" + id + "'")).isEqualTo("ACK");
            assertThat(count("SELECT count(*) FROM order_fill f JOIN order_request o ON o.order_id = f.order_id WHERE o.client_order_id = '"
                    + id + "'")).isZero();

            // a venue that has lost the order (here: another fake) is a finding about our ACK order, not a resubmission
            try (FakeBinance amnesiac = new FakeBinance("ETHUSDT", List.of()).trading(clock)
                    .answer("/api/v3/exchangeInfo", LiveFixtures.ETH_EXCHANGE_INFO)) {
                BinanceGateway forgetful = Exchanges.binance(BinanceConfig.builder().baseUrl(amnesiac.url()).symbols(List.of("ETH/USDT"))
                        .credentials(BinanceCredentials.of("k", "s")).clock(clock).sleeper(d -> { }).build());
                LiveReconciliation.Result r = LiveReconciliation.run(Wiring.tradingSessions(ds), Wiring.persistence(ds, true).execution(), forgetful,
                        AccountId.of(account), List.of(Asset.of(2, "ETH/USDT")), clock.instant());
                assertThat(r.findings()).singleElement().satisfies(f -> {
                    assertThat(f.type()).isEqualTo(RiskEventType.ORDER_UNKNOWN);
                    assertThat(f.kind()).isEqualTo("order-missing-on-venue");
                    assertThat(f.detail()).contains("our order " + id).contains("ACK in our books").contains("left open for the operator");
                    assertThat(f.order()).isNotNull();
                });
                assertThat(amnesiac.requests(q -> q.method().equals("POST"))).isEmpty();
            }

            // the process is down: the venue fills the order in two parts
            BigDecimal part1 = qty.multiply(new BigDecimal("0.4")).setScale(4, RoundingMode.DOWN);
            BigDecimal part2 = qty.subtract(part1);
            fake.fill(id, part1.toPlainString(), "2510.00", "0.25", "USDT", Instant.parse("2025-06-01T03:20:00Z"));
            fake.fill(id, part2.toPlainString(), "2511.50", "0.37", "USDT", Instant.parse("2025-06-01T03:40:00Z"));

            clock.set(Instant.parse("2025-06-01T04:00:02Z"));
            Run restart = live(fake, clock);
            assertThat(restart.code()).as(restart.all()).isZero();
            assertThat(restart.out()).contains("warning: reconciliation: missing-fill: trade 9000001 of our order " + id)
                    .contains("warning: reconciliation: missing-fill: trade 9000002 of our order " + id)
                    .contains("reconciliation: 2 finding(s)")
                    .contains("2025-06-01T04:00:00Z COMPLETED: 1 signal(s), 1 order(s)"); // the reconciled order of 03:00, no new one
            assertThat(count("SELECT count(*) FROM order_request WHERE account_id = " + account)).as("no order decided at 04:00").isOne();
            String ofOrder = " FROM order_fill f JOIN order_request o ON o.order_id = f.order_id WHERE o.client_order_id = '" + id + "'";
            assertThat(count("SELECT count(*)" + ofOrder)).isEqualTo(2);
            assertThat(count("SELECT count(DISTINCT f.exchange_trade_id)" + ofOrder + " AND f.exchange_trade_id IN ('9000001', '9000002')"))
                    .isEqualTo(2);
            assertThat(decimal("SELECT sum(f.fill_qty)" + ofOrder)).isEqualByComparingTo(qty);
            assertThat(text("SELECT status FROM order_request WHERE client_order_id = '" + id + "'")).isEqualTo("FILLED");
            BigDecimal cost = part1.multiply(new BigDecimal("2510.00")).add(part2.multiply(new BigDecimal("2511.50")));
            String ledger = " FROM cash_ledger WHERE account_id = " + account;
            assertThat(count("SELECT count(*)" + ledger + " AND entry_type = 'BUY'")).isEqualTo(2);
            assertThat(count("SELECT count(*)" + ledger + " AND entry_type = 'FEE'")).isEqualTo(2);
            assertThat(decimal("SELECT sum(amount)" + ledger + " AND entry_type = 'BUY'")).isEqualByComparingTo(cost.negate());
            assertThat(decimal("SELECT sum(amount)" + ledger + " AND entry_type = 'FEE'")).isEqualByComparingTo("-0.62");
            BigDecimal cashAfter = cashBefore.subtract(cost).subtract(new BigDecimal("0.62"));
            assertThat(decimal("SELECT balance_after" + ledger + " ORDER BY entry_seq DESC LIMIT 1")).isEqualByComparingTo(cashAfter);
            String position = "SELECT p.quantity FROM position_hourly_state p JOIN run_context r ON r.run_id = p.run_id WHERE r.account_id = "
                    + account + " AND p.asset_id = 2 AND p.hour_ts_utc = ";
            assertThat(decimal(position + "'2025-06-01T04:00:00Z'")).isEqualByComparingTo(qty);
            String reconciliationEvents = "SELECT count(*) FROM risk_event e JOIN run_context r ON r.run_id = e.run_id WHERE r.account_id = "
                    + account + " AND e.reason LIKE 'startup-reconciliation:missing-fill:%'";
            assertThat(count(reconciliationEvents + " AND e.event_type = 'ORDER_UNKNOWN' AND e.hour_ts_utc = '2025-06-01T04:00:00Z'"
                    + " AND e.order_id IS NOT NULL")).isEqualTo(2);

            int fills = count("SELECT count(*) FROM order_fill");
            int entries = count("SELECT count(*)" + ledger);
            int events = count("SELECT count(*) FROM risk_event");
            clock.set(Instant.parse("2025-06-01T05:00:02Z"));
            Run again = live(fake, clock);
            assertThat(again.code()).as(again.all()).isZero();
            assertThat(again.out()).contains("reconciliation: clean").contains("2025-06-01T05:00:00Z COMPLETED: 1 signal(s), 0 order(s)");
            assertThat(count("SELECT count(*) FROM order_fill")).isEqualTo(fills);
            assertThat(count("SELECT count(*)" + ledger)).isEqualTo(entries);
            assertThat(count("SELECT count(*) FROM risk_event")).isEqualTo(events);
            assertThat(count(reconciliationEvents)).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM order_request WHERE account_id = " + account)).isOne();
            assertThat(decimal(position + "'2025-06-01T05:00:00Z'")).isEqualByComparingTo(qty);

            assertThat(fake.requests(q -> q.method().equals("POST") && q.path().equals("/api/v3/order")))
                    .as("the order was placed once, never again").hasSize(1)
                    .allMatch(q -> id.equals(q.param("newClientOrderId")) && qty.toPlainString().equals(q.param("quantity")));
        }
    }
}
