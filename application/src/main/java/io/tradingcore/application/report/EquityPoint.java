package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The account's state at the close of one hour of a run (one row of portfolio/risk hourly state).
 *
 * @param hour             hour-aligned UTC instant the state belongs to
 * @param equity           cash plus marked positions, never negative (spot, no leverage)
 * @param cash             free cash
 * @param exposureNotional gross notional of open positions at the hour's mark, never negative
 * @param drawdownTier     the risk tier in force at this hour (e.g. NORMAL, DD10, DD15, HALT20)
 */
public record EquityPoint(Instant hour, BigDecimal equity, BigDecimal cash, BigDecimal exposureNotional,
                          String drawdownTier) {

    public EquityPoint {
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(equity, () -> "equity at " + hour);
        Objects.requireNonNull(cash, () -> "cash at " + hour);
        Objects.requireNonNull(exposureNotional, () -> "exposureNotional at " + hour);
        if (hour.getNano() != 0 || hour.getEpochSecond() % 3600 != 0) {
            throw new IllegalArgumentException("equity point hour " + hour + " is not aligned to a whole hour");
        }
        if (equity.signum() < 0) {
            throw new IllegalArgumentException("equity at " + hour + " is negative: " + equity.toPlainString());
        }
        if (exposureNotional.signum() < 0) {
            throw new IllegalArgumentException("exposure notional at " + hour + " is negative: "
                    + exposureNotional.toPlainString());
        }
        if (drawdownTier == null || drawdownTier.isBlank()) {
            throw new IllegalArgumentException("drawdown tier at " + hour + " is missing");
        }
    }
}
