package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One executed trade (fill) of a run.
 *
 * @param time        execution time (UTC); assigns the trade to a fold by {@code from <= time < to}
 * @param asset       asset symbol, e.g. BTC/USDT
 * @param side        BUY or SELL
 * @param quantity    filled quantity, positive
 * @param price       fill price, positive
 * @param fee         fee paid in the quote currency, never negative
 * @param realisedPnl realised PnL of the closing part as recorded by the ledger; {@code null} when the trade
 *                    closed nothing (buys). Only trades with a realised PnL count as closed trades.
 */
public record TradeRecord(Instant time, String asset, String side, BigDecimal quantity, BigDecimal price,
                          BigDecimal fee, BigDecimal realisedPnl) {

    public TradeRecord {
        Objects.requireNonNull(time, "time");
        if (asset == null || asset.isBlank()) {
            throw new IllegalArgumentException("trade at " + time + " has no asset");
        }
        if (!"BUY".equals(side) && !"SELL".equals(side)) {
            throw new IllegalArgumentException("trade at " + time + " on " + asset + " has side '" + side
                    + "', expected BUY or SELL");
        }
        Objects.requireNonNull(quantity, () -> "quantity of trade at " + time);
        Objects.requireNonNull(price, () -> "price of trade at " + time);
        Objects.requireNonNull(fee, () -> "fee of trade at " + time);
        if (quantity.signum() <= 0 || price.signum() <= 0) {
            throw new IllegalArgumentException("trade at " + time + " on " + asset + " needs positive quantity and"
                    + " price, got " + quantity.toPlainString() + " @ " + price.toPlainString());
        }
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("trade at " + time + " on " + asset + " has a negative fee "
                    + fee.toPlainString());
        }
    }

    /** quantity x price, exact. */
    public BigDecimal notional() {
        return quantity.multiply(price);
    }
}
