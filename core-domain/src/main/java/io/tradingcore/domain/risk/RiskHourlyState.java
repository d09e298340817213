package io.tradingcore.domain.risk;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Risk at the end of an hour (risk_hourly_state). A drawdown of 20% or more can only be HALT20 with
 * trading halted (mirrors ck_risk_hourly_state_dd20_halt).
 */
public record RiskHourlyState(HourTs hour, DrawdownTier tier, BigDecimal drawdown, BigDecimal equity,
                              BigDecimal peakEquity, boolean halted, TradingState tradingState) {
    private static final BigDecimal TWENTY = new BigDecimal("0.20");

    public RiskHourlyState {
        Objects.requireNonNull(hour, "riskHourly.hour");
        Objects.requireNonNull(tier, "riskHourly.tier");
        Objects.requireNonNull(tradingState, "riskHourly.tradingState");
        drawdown = Decimals.exact(drawdown, "riskHourly.drawdown");
        equity = Decimals.exact(equity, "riskHourly.equity");
        peakEquity = Decimals.exact(peakEquity, "riskHourly.peakEquity");
        if (drawdown.compareTo(TWENTY) >= 0 && (tier != DrawdownTier.HALT20 || !halted)) {
            throw new IllegalArgumentException("a drawdown of " + drawdown.toPlainString() + " must be HALT20 and halted");
        }
        if (halted != (tradingState == TradingState.HALTED)) {
            throw new IllegalArgumentException("halted and tradingState HALTED must agree");
        }
    }

    /** The carried state. */
    public RiskState riskState() {
        return new RiskState(tier, halted, peakEquity);
    }
}
