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
     * Stores a new definition (status RUNNING), registering its account in the same transaction, and returns
     * the definition stored under its id. Storing an identical definition again is a no-op (resume); when a
     * concurrent process stored the same definition first, the stored one is returned, whose account is the one
     * every hour of the backtest must use (the schema refuses hours of it on any other account).
     *
     * @throws ConflictingWriteException if the id is taken by a different definition or the account by another backtest
     */
    BacktestRunDefinition create(BacktestRunDefinition definition);

    /** The unique account name of a backtest ({@link ReferenceDataRepository#registerAccount} allocates its id). */
    static String accountName(BacktestRunId id) {
        return "backtest-" + id.value();
    }

    /** A definition by id. */
    Optional<BacktestRunDefinition> find(BacktestRunId id);

    /**
     * Sets the status: COMPLETED, or RUNNING again on resume (which clears a failure reason). FAILED through this
     * method records "no reason recorded"; prefer {@link #markFailed}.
     *
     * @throws java.util.NoSuchElementException if no backtest has that id
     */
    void updateStatus(BacktestRunId id, String status);

    /** Ownership of one backtest by this process; closing it (or the death of the process) gives it up. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Makes this process the only one running backtest {@code id} (across processes and machines sharing the
     * store), waiting up to {@code wait} for another owner to finish or die. Empty when the backtest is still
     * owned elsewhere after that; the caller must then not run any of its hours (issue 17, item 2: two
     * processes each with its own simulated venue would hand hours back and forth and diverge).
     *
     * @throws StoreUnavailableException if the store cannot be reached
     */
    Optional<Claim> claim(BacktestRunId id, java.time.Duration wait);

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
