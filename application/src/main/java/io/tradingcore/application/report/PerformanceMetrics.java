package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Performance of one equity curve over one period; formulas in docs/report.md. An empty
 * {@link OptionalDouble} means "not defined" (N/A), e.g. Sharpe of a curve with zero volatility.
 *
 * @param start                    instant of the start value (the hour before the period's first hour)
 * @param end                      the period's last hour
 * @param hours                    number of hourly equity points in the period
 * @param startEquity              equity before the first hour of the period
 * @param endEquity                equity at the last hour
 * @param pnl                      endEquity - startEquity
 * @param totalReturn              endEquity / startEquity - 1
 * @param cagr                     compounded annual growth on a 365-day (8760-hour) year
 * @param annualisedVolatility     sample standard deviation of hourly returns x sqrt(8760)
 * @param sharpe                   mean hourly return / its sample standard deviation x sqrt(8760), risk-free 0
 * @param sortino                  mean hourly return / downside deviation x sqrt(8760)
 * @param calmar                   cagr / maxDrawdown
 * @param maxDrawdown              largest fall from a running peak, as a fraction (0.1 = 10%)
 * @param maxDrawdownPeak          hour of the peak that precedes the max drawdown, null without drawdown
 * @param maxDrawdownTrough        hour of the max drawdown's trough, null without drawdown
 * @param maxDrawdownRecovery      first hour back at or above that peak, null if never recovered
 * @param maxDrawdownDurationHours hours from that peak to its recovery, or to the end when not recovered
 * @param trades                   number of trades
 * @param closedTrades             trades carrying a realised PnL
 * @param winningTrades            closed trades with realised PnL &gt; 0
 * @param winRate                  winningTrades / closedTrades
 * @param grossProfit              sum of positive realised PnL
 * @param grossLoss                sum of negative realised PnL, as a positive amount
 * @param profitFactor             grossProfit / grossLoss
 * @param exposure                 share of hours with non-zero exposure
 * @param tradedNotional           sum of |quantity x price|
 * @param averageEquity            mean equity over the period's hours
 * @param turnover                 tradedNotional / averageEquity
 * @param fees                     sum of fees
 * @param tiers                    hours in each drawdown tier (known tiers first, always listed)
 */
public record PerformanceMetrics(
        Instant start, Instant end, int hours,
        BigDecimal startEquity, BigDecimal endEquity, BigDecimal pnl,
        double totalReturn, OptionalDouble cagr, OptionalDouble annualisedVolatility,
        OptionalDouble sharpe, OptionalDouble sortino, OptionalDouble calmar,
        double maxDrawdown, Instant maxDrawdownPeak, Instant maxDrawdownTrough, Instant maxDrawdownRecovery,
        long maxDrawdownDurationHours,
        int trades, int closedTrades, int winningTrades, OptionalDouble winRate,
        BigDecimal grossProfit, BigDecimal grossLoss, OptionalDouble profitFactor,
        double exposure, BigDecimal tradedNotional, BigDecimal averageEquity, OptionalDouble turnover,
        BigDecimal fees, List<TierTime> tiers) {

    public PerformanceMetrics {
        tiers = List.copyOf(tiers);
    }

    /** Hours spent in {@code tier}, 0 when never in it. */
    public long hoursIn(String tier) {
        return tiers.stream().filter(t -> t.tier().equals(tier)).mapToLong(TierTime::hours).sum();
    }
}
