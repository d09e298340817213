package io.tradingcore.ports.testing;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.ports.out.TradingConfig;
import io.tradingcore.ports.service.HourlyCycleService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every port in memory, wired to an {@link HourlyCycleService}: the whole cycle without a database.
 * Fields are public so tests can inspect and perturb each store.
 */
public final class InMemoryPorts {
    public final InMemoryRunContextRepository runs = new InMemoryRunContextRepository();
    public final InMemoryMarketDataRepository marketData = new InMemoryMarketDataRepository();
    public final InMemoryDecisionRecordRepository decisions = new InMemoryDecisionRecordRepository();
    public final InMemoryExecutionRepository execution = new InMemoryExecutionRepository();
    public final InMemoryAccountStateRepository states = new InMemoryAccountStateRepository();
    public final InMemoryBacktestRepository backtests = new InMemoryBacktestRepository();
    public final InMemoryModelRegistry registry = new InMemoryModelRegistry();
    public final ManualClock clock;
    public final SimulatedExchangeGateway exchange;
    public final SimpleFeatureEngine features;
    public final FakeModelStack models;
    public final TradingConfig config;
    public final HourlyCycleService cycle;

    public InMemoryPorts(TradingConfig config, int lookback, double sensitivity, Instant clockStart) {
        this.config = config;
        this.clock = new ManualClock(clockStart);
        this.exchange = new SimulatedExchangeGateway(marketData, config.venue(), config.signal().costs().feeRate(), config.signal().costs().slippageRate());
        this.features = new SimpleFeatureEngine(lookback);
        this.models = new FakeModelStack(sensitivity);
        this.cycle = new HourlyCycleService(runs, marketData, decisions, execution, states, features, models, exchange,
                new FixedConfigurationProvider(config), clock);
    }

    /** Loads candles of one venue into the market data store. */
    public void load(List<Candle> candles) {
        marketData.ingestCandles(config.venue(), UUID.nameUUIDFromBytes("test-ingest".getBytes(java.nio.charset.StandardCharsets.UTF_8)), candles);
    }

    /** Convenience: BTC/USDT with id 1. */
    public static Asset btc() {
        return Asset.of(1, "BTC/USDT");
    }

    /** Convenience: ETH/USDT with id 2. */
    public static Asset eth() {
        return Asset.of(2, "ETH/USDT");
    }
}
