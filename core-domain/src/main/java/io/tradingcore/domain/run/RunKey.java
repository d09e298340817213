package io.tradingcore.domain.run;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import java.util.Objects;

/** What every row a cycle writes carries: (run_id, run_mode, hour_ts_utc), plus the account. */
public record RunKey(RunId runId, AccountId account, RunMode mode, HourTs hour) {
    public RunKey {
        Objects.requireNonNull(runId, "runKey.runId");
        Objects.requireNonNull(account, "runKey.account");
        Objects.requireNonNull(mode, "runKey.mode");
        Objects.requireNonNull(hour, "runKey.hour");
    }
}
