package io.tradingcore.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.testing.InMemoryMarketDataRepository;
import io.tradingcore.ports.testing.SyntheticCandles;
import io.tradingcore.ports.out.MarketDataRepository;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PreloadedMarketDataTest {
    private static final AssetId BTC = new AssetId((short) 1);
    private static final AssetId ETH = new AssetId((short) 2);
    private static final HourTs START = HourTs.parse("2025-01-01T00:00:00Z");

    /** The store holds 300 h of BTC with a 5 h gap and 300 h of ETH plus one book; the backtest loaded a later part of it. */
    private final InMemoryMarketDataRepository store = new InMemoryMarketDataRepository();

    private List<Candle> seed(AssetId asset, long seed) {
        List<Candle> all = new ArrayList<>(SyntheticCandles.walk(asset, START, 300, seed, new BigDecimal("100"), 0.01));
        if (asset.equals(BTC)) {
            all.subList(150, 155).clear(); // a gap in the data
        }
        store.ingestCandles("binance", UUID.randomUUID(), all);
        return all;
    }

    @Test
    void answersEveryHourExactlyAsTheStoreDoesInsideAndOutsideTheLoadedWindow() {
        List<Candle> btc = seed(BTC, 1);
        List<Candle> eth = seed(ETH, 2);
        store.ingestBookSnapshots(UUID.randomUUID(), List.of(new BookSnapshot(ETH, START.plusHours(200).toInstant(),
                new BigDecimal("99"), new BigDecimal("101"), BigDecimal.ONE, BigDecimal.ONE, "binance")));
        HourTs loadedFrom = START.plusHours(100);
        HourTs loadedTo = START.plusHours(260);
        TreeMap<AssetId, List<Candle>> loaded = new TreeMap<>();
        loaded.put(BTC, window(btc, loadedFrom, loadedTo));
        loaded.put(ETH, window(eth, loadedFrom, loadedTo));
        PreloadedMarketData preloaded = new PreloadedMarketData(store, "binance", loadedTo, loaded);

        int compared = 0;
        for (HourTs h = START; h.isBefore(START.plusHours(320)); h = h.plusHours(1)) {
            for (AssetId a : List.of(BTC, ETH)) {
                for (int bars : new int[]{0, 1, 24, 169}) {
                    assertThat(preloaded.closedCandlesAsOf(a, "binance", h, bars))
                            .as("%s %s bars %d", a, h, bars).isEqualTo(store.closedCandlesAsOf(a, "binance", h, bars));
                    compared++;
                }
                assertThat(preloaded.latestBookAsOf(a, "binance", h)).as("book %s %s", a, h)
                        .isEqualTo(store.latestBookAsOf(a, "binance", h));
            }
            assertThat(preloaded.closedCandlesAsOf(BTC, "kraken", h, 24)).isEmpty();
        }
        assertThat(compared).isEqualTo(320 * 2 * 4);
    }

    @Test
    void aBacktestWindowWithoutBooksAsksTheStoreOncePerAssetNotOncePerHour() {
        List<Candle> btc = seed(BTC, 3);
        int[] bookReads = {0};
        MarketDataRepository counting = (MarketDataRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{MarketDataRepository.class}, (proxy, m, args) -> {
                    if (m.getName().equals("latestBookAsOf")) {
                        bookReads[0]++;
                    }
                    return m.invoke(store, args);
                });
        TreeMap<AssetId, List<Candle>> loaded = new TreeMap<>();
        loaded.put(BTC, btc);
        PreloadedMarketData preloaded = new PreloadedMarketData(counting, "binance", START.plusHours(300), loaded);
        for (HourTs h = START; h.isBefore(START.plusHours(300)); h = h.plusHours(1)) {
            assertThat(preloaded.latestBookAsOf(BTC, "binance", h)).isEmpty();
        }
        assertThat(bookReads[0]).isEqualTo(1);
    }

    private static List<Candle> window(List<Candle> all, HourTs from, HourTs to) {
        return all.stream().filter(c -> !c.openTime().isBefore(from) && c.openTime().isBefore(to)).toList();
    }
}
