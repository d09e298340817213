package io.tradingcore.application.backtest;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.bench.MemoryReference;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.ingest.CandleCsvReader;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.out.ReportingRepository;
import io.tradingcore.ports.out.UnitOfWork;
import io.tradingcore.ports.testing.InMemoryAccountStateRepository;
import io.tradingcore.ports.testing.InMemoryBacktestRepository;
import io.tradingcore.ports.testing.InMemoryDecisionRecordRepository;
import io.tradingcore.ports.testing.InMemoryExecutionRepository;
import io.tradingcore.ports.testing.InMemoryMarketDataRepository;
import io.tradingcore.ports.testing.InMemoryModelRegistry;
import io.tradingcore.ports.testing.InMemoryRunContextRepository;
import java.nio.file.Path;
import java.util.UUID;

/** A fresh in-memory store for backtests and replays, holding one asset's real hourly candles from the shipped data. */
final class InMemoryBacktestStore {
    private InMemoryBacktestStore() {
    }

    /** {@code assets} registered and their candles of {@code data.dir} (default ../data/market) ingested at the config's venue. */
    static Persistence of(ConfigLoader.Loaded cfg, Asset... assets) throws Exception {
        InMemoryMarketDataRepository market = new InMemoryMarketDataRepository();
        MemoryReference reference = new MemoryReference();
        for (Asset asset : assets) {
            Path f = Path.of(System.getProperty("data.dir", "../data/market")).resolve(asset.symbol().replace('/', '_') + "_1h.csv.gz");
            market.ingestCandles(cfg.config().trading().venue(), UUID.nameUUIDFromBytes(f.toString().getBytes()),
                    CandleCsvReader.read(f, asset.id()).candles());
            reference.ensureAsset(asset);
        }
        return new Persistence(new InMemoryRunContextRepository(), market, new InMemoryDecisionRecordRepository(),
                new InMemoryExecutionRepository(), new InMemoryAccountStateRepository(), new InMemoryBacktestRepository(),
                reference, new InMemoryModelRegistry(), reference, notUsed(), UnitOfWork.NONE);
    }

    private static ReportingRepository notUsed() {
        return (ReportingRepository) java.lang.reflect.Proxy.newProxyInstance(ReportingRepository.class.getClassLoader(),
                new Class<?>[] {ReportingRepository.class}, (proxy, m, args) -> {
                    throw new UnsupportedOperationException("a backtest reports nothing");
                });
    }
}
