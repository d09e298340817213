package io.tradingcore.ports.testing;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.risk.OperatorReset;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link RunHourlyCycleCommand} by name instead of its 9 positional arguments. Defaults: code version
 * {@link #SHA}, seed 42, a deposit of 10000, no operator reset; the mode follows from {@link #backtest},
 * {@link #paper} or {@link #live}.
 */
public final class CycleCommandBuilder {
    /** The code version the cycle tests record (40 hex). */
    public static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private final AccountId account;
    private final HourTs hour;
    private final List<Asset> assets;
    private final RunMode mode;
    private final BacktestRunId backtestRunId;
    private String codeVersionSha = SHA;
    private int seed = 42;
    private BigDecimal deposit = new BigDecimal("10000");
    private Optional<OperatorReset> reset = Optional.empty();

    private CycleCommandBuilder(AccountId account, RunMode mode, HourTs hour, List<Asset> assets, BacktestRunId backtestRunId) {
        this.account = account;
        this.mode = mode;
        this.hour = hour;
        this.assets = assets;
        this.backtestRunId = backtestRunId;
    }

    /** The BACKTEST cycle of {@code account} at {@code hour} on {@code assets}, part of {@code backtest}. */
    public static CycleCommandBuilder backtest(BacktestRunId backtest, AccountId account, HourTs hour, List<Asset> assets) {
        return new CycleCommandBuilder(account, RunMode.BACKTEST, hour, assets, backtest);
    }

    /** The PAPER cycle of {@code account} at {@code hour} on {@code assets}. */
    public static CycleCommandBuilder paper(AccountId account, HourTs hour, List<Asset> assets) {
        return new CycleCommandBuilder(account, RunMode.PAPER, hour, assets, null);
    }

    /** The LIVE cycle of {@code account} at {@code hour} on {@code assets}. */
    public static CycleCommandBuilder live(AccountId account, HourTs hour, List<Asset> assets) {
        return new CycleCommandBuilder(account, RunMode.LIVE, hour, assets, null);
    }

    public CycleCommandBuilder codeVersionSha(String v) {
        codeVersionSha = v;
        return this;
    }

    public CycleCommandBuilder seed(int v) {
        seed = v;
        return this;
    }

    public CycleCommandBuilder deposit(BigDecimal v) {
        deposit = v;
        return this;
    }

    public CycleCommandBuilder deposit(String v) {
        return deposit(new BigDecimal(v));
    }

    /** An operator reset applied at the hour (empty: none). */
    public CycleCommandBuilder reset(Optional<OperatorReset> v) {
        reset = v;
        return this;
    }

    public RunHourlyCycleCommand build() {
        return new RunHourlyCycleCommand(account, mode, hour, assets, codeVersionSha, seed, backtestRunId, deposit, reset);
    }
}
