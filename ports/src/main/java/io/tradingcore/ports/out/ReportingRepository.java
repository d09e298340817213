package io.tradingcore.ports.out;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.RunMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Bulk reads for reports: an account's equity curve and executed trades over a window (one query each). */
public interface ReportingRepository {

    /** End-of-hour portfolio and risk state of one hour. */
    record EquityRow(HourTs hour, BigDecimal cash, BigDecimal positionsValue, BigDecimal equity, BigDecimal drawdown,
                     DrawdownTier tier) {
    }

    /** One executed trade (a booked fill). {@code realisedPnl} is zero for buys. */
    record TradeRow(Instant executedAt, HourTs hour, AssetId asset, OrderSide side, BigDecimal quantity, BigDecimal price,
                    BigDecimal fee, BigDecimal realisedPnl) {
    }

    /** Hourly states of (account, mode) with hour in [fromInclusive, toExclusive), ascending. */
    List<EquityRow> equityCurve(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive);

    /** Executed trades of (account, mode) booked by hours in [fromInclusive, toExclusive), in execution order. */
    List<TradeRow> trades(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive);
}
