package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.application.live.FakeBinance;
import io.tradingcore.application.live.SteppingClock;
import io.tradingcore.application.live.StopSignal;
import io.tradingcore.domain.Candle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A paper session on Binance market data: a local fake of Binance's klines endpoint on a simulated clock is polled at
 * each hour close, the just-closed candles are stored and traded, with no real waiting.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaperBinancePollingIT extends SessionsFixture {

    PaperBinancePollingIT() {
        super("paper_binance_polling", true);
    }

    @Test
    @Order(5)
    void binanceMarketDataIsPolledAtEachHourCloseStoredAndTraded() throws Exception {
        List<Candle> served = servedEthCandles();
        try (FakeBinance fake = new FakeBinance("ETHUSDT", served)) {
            SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T00:00:01Z"));
            Run r = paper(StopSignal.manual(), clock, "--assets", "ETH/USDT", "--market-data", "binance", "--binance-url",
                    fake.url(), "--hours", "2");
            assertThat(r.code()).as(r.all()).isZero();
            assertThat(r.out()).contains("binance market data from 2025-06-01T00:00:00Z")
                    .contains("2025-06-01T00:00:00Z COMPLETED").contains("2025-06-01T01:00:00Z COMPLETED")
                    .contains("paper: 2 hour(s): 2 run");
            assertThat(fake.requests).isNotEmpty().allMatch(q -> q.path().equals("/api/v3/klines")
                    && q.query().contains("symbol=ETHUSDT") && q.query().contains("interval=1h"));
            // the just-closed candles 23:00 and 00:00 were stored, nothing later (01:00 had not closed at 01:00:05)
            assertThat(count("SELECT count(*) FROM market_ohlcv_hourly WHERE asset_id = 2 AND hour_ts_utc >= '2025-05-31T23:00:00Z'"))
                    .isEqualTo(2);
            assertThat(count("SELECT count(*) FROM run_context WHERE account_id = " + accountId("paper-ETH_USDT")
                    + " AND run_mode = 'PAPER' AND status = 'COMPLETED'")).isEqualTo(2);
            // the simulated clock was advanced to just after the second hour's close, never past it
            assertThat(clock.instant()).isBetween(Instant.parse("2025-06-01T01:00:05Z"), Instant.parse("2025-06-01T01:00:06Z"));
        }
    }
}
