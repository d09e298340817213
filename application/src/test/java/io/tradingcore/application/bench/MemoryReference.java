package io.tradingcore.application.bench;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Reference data and backtest definitions in memory, for a backtest without persistence (benchmark, tests). */
public final class MemoryReference implements ReferenceDataRepository, BacktestRunRepository {
    private final TreeMap<Short, Asset> assets = new TreeMap<>();
    private final TreeMap<UUID, BacktestRunDefinition> runs = new TreeMap<>();

    @Override
    public void ensureAsset(Asset asset) {
        assets.putIfAbsent(asset.id().value(), asset);
    }

    @Override
    public void ensureAccount(AccountId account, String name, String cashCurrency) {
    }

    @Override
    public List<Asset> assets() {
        return List.copyOf(assets.values());
    }

    @Override
    public Asset registerAsset(String symbol) {
        return assetBySymbol(symbol).orElseGet(() -> {
            Asset parsed = Asset.of(assets.isEmpty() ? 1 : assets.lastKey() + 1, symbol);
            assets.put(parsed.id().value(), parsed);
            return parsed;
        });
    }

    @Override
    public AccountId registerAccount(String name, String cashCurrency) {
        return AccountId.of(1);
    }

    @Override
    public BacktestRunDefinition create(BacktestRunDefinition definition) {
        runs.putIfAbsent(definition.id().value(), definition);
        return runs.get(definition.id().value());
    }

    @Override
    public Optional<BacktestRunDefinition> find(BacktestRunId id) {
        return Optional.ofNullable(runs.get(id.value()));
    }

    @Override
    public void updateStatus(BacktestRunId id, String status) {
    }

    @Override
    public Optional<Claim> claim(BacktestRunId id, java.time.Duration wait) {
        return Optional.of(() -> { });
    }

    @Override
    public List<BacktestRunDefinition> all() {
        return List.copyOf(runs.values());
    }
}
