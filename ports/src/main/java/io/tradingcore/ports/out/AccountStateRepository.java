package io.tradingcore.ports.out;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.run.RunKey;
import java.util.Optional;

/** position_hourly_state, portfolio_hourly_state and risk_hourly_state (updatable, not append-only). */
public interface AccountStateRepository {
    /**
     * Writes the three states of {@code key}'s hour in one transaction, replacing any rows of the same
     * (account, mode, hour) (a resumed cycle rewrites them). Position rows of that hour not in
     * {@code state} are removed.
     *
     * @throws InvariantViolationException if a drawdown &gt;= 20% is not HALT20 and halted
     */
    void recordHourlyState(RunKey key, HourlyState state);

    /** The state with the greatest hour strictly before {@code hour}, if any. */
    Optional<HourlyState> latestBefore(AccountId account, RunMode mode, HourTs hour);

    /** The state of exactly {@code hour}, if any. */
    Optional<HourlyState> at(AccountId account, RunMode mode, HourTs hour);
}
