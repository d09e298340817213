package io.tradingcore.domain.portfolio;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Portfolio at the end of an hour (portfolio_hourly_state): equity = cash + market value, peak equity
 * so far, drawdown = (peak - equity) / peak as a fraction in [0, 1].
 */
public record PortfolioState(HourTs hour, BigDecimal cash, BigDecimal marketValue, BigDecimal equity,
                             BigDecimal peakEquity, BigDecimal drawdown) {
    public PortfolioState {
        Objects.requireNonNull(hour, "portfolio.hour");
        cash = Decimals.exact(cash, "portfolio.cash");
        marketValue = Decimals.exact(marketValue, "portfolio.marketValue");
        equity = Decimals.exact(equity, "portfolio.equity");
        peakEquity = Decimals.exact(peakEquity, "portfolio.peakEquity");
        drawdown = Decimals.exact(drawdown, "portfolio.drawdown");
        if (cash.signum() < 0) {
            throw new IllegalArgumentException("portfolio cash must be >= 0, was " + cash.toPlainString());
        }
        if (equity.compareTo(cash.add(marketValue)) != 0) {
            throw new IllegalArgumentException("portfolio equity must equal cash + market value");
        }
        if (peakEquity.compareTo(equity) < 0) {
            throw new IllegalArgumentException("portfolio peak equity must be >= equity");
        }
        if (drawdown.signum() < 0 || drawdown.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("portfolio drawdown must be in [0, 1], was " + drawdown.toPlainString());
        }
    }

    /** Values a portfolio: the peak is the larger of the previous peak and this equity. */
    public static PortfolioState of(HourTs hour, BigDecimal cash, BigDecimal marketValue, BigDecimal previousPeak) {
        BigDecimal equity = Decimals.value(cash.add(marketValue));
        BigDecimal peak = Decimals.value(previousPeak.max(equity));
        return new PortfolioState(hour, Decimals.value(cash), Decimals.value(marketValue), equity, peak, drawdown(equity, peak));
    }

    /** (peak - equity) / peak, HALF_EVEN at scale 18; zero when the peak is zero. */
    public static BigDecimal drawdown(BigDecimal equity, BigDecimal peak) {
        if (peak.signum() <= 0) {
            return Decimals.ZERO;
        }
        return Decimals.divide(peak.subtract(equity).max(BigDecimal.ZERO), peak);
    }
}
