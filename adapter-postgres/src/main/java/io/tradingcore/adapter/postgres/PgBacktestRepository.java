package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.BACKTEST_FOLD_RESULT;

import io.tradingcore.adapter.postgres.jooq.tables.records.BacktestFoldResultRecord;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.ports.out.BacktestFoldResult;
import io.tradingcore.ports.out.BacktestRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * backtest_fold_result. The port's fold result is one record per (backtest run, fold) with all metrics by
 * name; the table is keyed per model, so a fold is stored as its META/H1 row with every metric in the
 * metrics JSONB (docs/persistence.md, "mapping gaps").
 */
final class PgBacktestRepository implements BacktestRepository {
    private final Db db;

    PgBacktestRepository(Db db) {
        this.db = db;
    }

    @Override
    public void recordFoldResult(BacktestFoldResult f) {
        db.tx("recording fold " + f.foldIndex() + " of backtest " + f.backtestRunId(), tx -> {
            BacktestFoldResultRecord r = tx.newRecord(BACKTEST_FOLD_RESULT);
            r.setFoldResultId(DeterministicIds.uuid("fold", f.backtestRunId().toString(), Integer.toString(f.foldIndex())));
            r.setBacktestRunId(f.backtestRunId().value());
            r.setFoldIndex(f.foldIndex());
            r.setModelRole(ModelRole.META);
            r.setHorizon(Horizon.H1);
            r.setTrainStartTsUtc(Conv.ts(f.trainFrom()));
            r.setTrainEndTsUtc(Conv.ts(f.trainTo()));
            r.setTestStartTsUtc(Conv.ts(f.testFrom()));
            r.setTestEndTsUtc(Conv.ts(f.testTo()));
            r.setPurgeHours((int) Duration.between(f.trainTo(), f.testFrom()).toHours());
            r.setEmbargoHours(0);
            BigDecimal samples = f.metrics().get("sample_count");
            r.setSampleCount(samples == null ? 0 : samples.intValue());
            r.setMetrics(Json.numbers(f.metrics()));
            return Idempotent.insert(tx, BACKTEST_FOLD_RESULT, List.of(r), "backtest_fold_result",
                    x -> "fold " + x.getFoldIndex() + " of backtest " + x.getBacktestRunId());
        });
    }

    @Override
    public List<BacktestFoldResult> foldResults(BacktestRunId backtestRunId) {
        return db.read("reading the folds of backtest " + backtestRunId, ctx -> ctx.selectFrom(BACKTEST_FOLD_RESULT)
                .where(BACKTEST_FOLD_RESULT.BACKTEST_RUN_ID.eq(backtestRunId.value()))
                .orderBy(BACKTEST_FOLD_RESULT.FOLD_INDEX, BACKTEST_FOLD_RESULT.MODEL_ROLE, BACKTEST_FOLD_RESULT.HORIZON)
                .fetch(r -> new BacktestFoldResult(new BacktestRunId(r.getBacktestRunId()), r.getFoldIndex(),
                        r.getTrainStartTsUtc(), r.getTrainEndTsUtc(), r.getTestStartTsUtc(), r.getTestEndTsUtc(),
                        Json.readNumbers(r.getMetrics()))));
    }
}
