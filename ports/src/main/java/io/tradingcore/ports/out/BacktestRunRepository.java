package io.tradingcore.ports.out;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** backtest_run: the stored definition of a walk-forward backtest, from which it can be resumed or replayed. */
public interface BacktestRunRepository {

    /** A backtest's definition; everything but status is immutable once stored. */
    record BacktestRunDefinition(BacktestRunId id, AccountId account, List<String> assetSymbols, HourTs testFrom,
                                 HourTs testTo, int seed, BigDecimal initialCapital, String configCanonicalJson,
                                 String configHash, String codeVersionSha, String status) {
        public BacktestRunDefinition {
            Objects.requireNonNull(id, "backtest.id");
            Objects.requireNonNull(account, "backtest.account");
            assetSymbols = List.copyOf(assetSymbols);
            Objects.requireNonNull(testFrom, "backtest.testFrom");
            Objects.requireNonNull(testTo, "backtest.testTo");
            if (!testFrom.isBefore(testTo)) {
                throw new IllegalArgumentException("backtest window must have from < to, was " + testFrom + " .. " + testTo);
            }
            initialCapital = Decimals.value(initialCapital);
            Objects.requireNonNull(configCanonicalJson, "backtest.config");
            Objects.requireNonNull(configHash, "backtest.configHash");
            Objects.requireNonNull(codeVersionSha, "backtest.codeVersionSha");
            Objects.requireNonNull(status, "backtest.status");
        }
    }

    /**
     * Stores a new definition (status RUNNING), registering its account in the same transaction.
     * Storing an identical definition again is a no-op (resume).
     *
     * @throws ConflictingWriteException if the id or the account is taken by a different definition
     */
    void create(BacktestRunDefinition definition);

    /** A definition by id. */
    Optional<BacktestRunDefinition> find(BacktestRunId id);

    /** The smallest account id that no account uses yet (a new backtest trades its own account). */
    AccountId nextFreeAccount();

    /**
     * Sets the status: COMPLETED, or RUNNING again on resume (which clears a failure reason). FAILED through this
     * method records "no reason recorded"; prefer {@link #markFailed}.
     *
     * @throws java.util.NoSuchElementException if no backtest has that id
     */
    void updateStatus(BacktestRunId id, String status);

    /**
     * Marks the backtest FAILED with {@code reason} (the error that stopped it, shown by `runs list|show`). Its
     * account and stored hours stay; running it again resumes it (status RUNNING, reason cleared).
     *
     * @throws java.util.NoSuchElementException if no backtest has that id
     */
    default void markFailed(BacktestRunId id, String reason) {
        updateStatus(id, "FAILED");
    }

    /** Every stored backtest, newest first. */
    List<BacktestRunDefinition> all();
}
