package io.tradingcore.ports.in;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.risk.OperatorReset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Run the cycle of one account for one hour.
 *
 * @param assets          the assets to decide on (unique; processed in asset id order)
 * @param codeVersionSha  git commit of the running code (40 hex)
 * @param randomSeed      the seed recorded in run_context (the cycle itself draws no random numbers)
 * @param backtestRunId   required for BACKTEST, absent otherwise
 * @param initialDeposit  deposited once when the account's ledger is empty (BACKTEST/PAPER start capital), &gt;= 0
 * @param operatorReset   an explicit operator decision to lift a HALT20 halt, applied at this hour
 */
public record RunHourlyCycleCommand(AccountId account, RunMode mode, HourTs hour, List<Asset> assets,
                                    String codeVersionSha, int randomSeed, BacktestRunId backtestRunId,
                                    BigDecimal initialDeposit, Optional<OperatorReset> operatorReset) {
    private static final Pattern SHA40 = Pattern.compile("[0-9a-f]{40}");

    public RunHourlyCycleCommand {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(codeVersionSha, "codeVersionSha");
        Objects.requireNonNull(operatorReset, "operatorReset");
        if (!SHA40.matcher(codeVersionSha).matches()) {
            throw new IllegalArgumentException("codeVersionSha must be 40 lower-case hex, was '" + codeVersionSha + "'");
        }
        List<Asset> sorted = new ArrayList<>(assets);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("asset " + sorted.get(i).id() + " listed twice");
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a cycle needs at least one asset");
        }
        assets = List.copyOf(sorted);
        if ((mode == RunMode.BACKTEST) != (backtestRunId != null)) {
            throw new IllegalArgumentException("backtestRunId is required for BACKTEST and forbidden for " + mode);
        }
        initialDeposit = Decimals.exact(initialDeposit == null ? BigDecimal.ZERO : initialDeposit, "initialDeposit");
        if (initialDeposit.signum() < 0) {
            throw new IllegalArgumentException("initialDeposit must be >= 0");
        }
    }
}
