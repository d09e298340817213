package io.tradingcore.ports.testing;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.ports.out.BacktestFoldResult;
import io.tradingcore.ports.out.BacktestRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** backtest_fold_result in memory. */
public final class InMemoryBacktestRepository implements BacktestRepository {
    private record Key(BacktestRunId run, int fold) {
    }

    private final Map<Key, BacktestFoldResult> rows = new LinkedHashMap<>();

    @Override
    public synchronized void recordFoldResult(BacktestFoldResult result) {
        Idempotent.putAll(rows, List.of(result), r -> new Key(r.backtestRunId(), r.foldIndex()), "backtest_fold_result");
    }

    @Override
    public synchronized List<BacktestFoldResult> foldResults(BacktestRunId backtestRunId) {
        return rows.values().stream().filter(r -> r.backtestRunId().equals(backtestRunId))
                .sorted(Comparator.comparingInt(BacktestFoldResult::foldIndex)).toList();
    }
}
