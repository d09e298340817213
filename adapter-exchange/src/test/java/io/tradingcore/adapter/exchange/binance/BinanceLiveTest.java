package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one test that may talk to the real Binance, read-only (book ticker and balances; it never places an order).
 * It runs only with {@code -Dtrading.live.tests=true} and BINANCE_API_KEY/BINANCE_API_SECRET in the environment;
 * otherwise it is skipped with the reason printed.
 */
class BinanceLiveTest {

    @Test
    void readsBookTickerAndBalancesFromTheRealVenueOnlyWhenExplicitlyEnabled() {
        boolean enabled = Boolean.getBoolean("trading.live.tests");
        Optional<BinanceCredentials> credentials = BinanceCredentials.fromEnvironment(System.getenv());
        if (!enabled || credentials.isEmpty()) {
            String reason = "live Binance test skipped: " + (!enabled ? "-Dtrading.live.tests=true not given" : "BINANCE_API_KEY/BINANCE_API_SECRET not set");
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        BinanceConfig config = BinanceConfig.builder().credentials(credentials.get()).symbols(List.of("BTC/USDT")).build();
        BookSnapshot q = BinanceMarketData.create(config)
                .bestBidAsk(new Asset(new AssetId((short) 1), "BTC/USDT", "BTC", "USDT"), "binance").orElseThrow();
        assertThat(q.bestAsk()).isGreaterThanOrEqualTo(q.bestBid());
        assertThat(BinanceExchange.create(config).balances()).isNotNull();
    }
}
