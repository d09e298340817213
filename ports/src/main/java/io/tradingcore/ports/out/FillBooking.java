package io.tradingcore.ports.out;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything one fill changes, to be written in one transaction: the fill (order_fill), the trade
 * (executed_trade, with the realised PnL of a sell), the cash entries (cash_ledger) and the order's new
 * status and filled quantity (order_request).
 */
public record FillBooking(Fill fill, Order orderAfter, List<CashEntry> cashEntries, BigDecimal realisedPnl) {
    public FillBooking {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(orderAfter, "orderAfter");
        cashEntries = List.copyOf(cashEntries);
        realisedPnl = Decimals.exact(realisedPnl, "realisedPnl");
        if (!orderAfter.request().orderId().equals(fill.orderId())) {
            throw new IllegalArgumentException("fill " + fill.tradeId() + " booked against another order");
        }
        if (!orderAfter.tradeIds().contains(fill.tradeId())) {
            throw new IllegalArgumentException("orderAfter must already include trade " + fill.tradeId());
        }
    }
}
