package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.RejectReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** One order inside the simulated exchange: its ticket, fills so far, status and what it holds reserved. */
final class SimOrder {
    final OrderTicket ticket;
    final String venueOrderId;
    final List<ExchangeFill> fills = new ArrayList<>();
    OrderStatus status = OrderStatus.NEW;
    BigDecimal filled = Decimals.value(BigDecimal.ZERO);
    BigDecimal filledNotional = Decimals.value(BigDecimal.ZERO);
    String reservedAsset;
    BigDecimal reserved = Decimals.value(BigDecimal.ZERO);
    boolean arrived;
    RejectReason reject;
    String rejectMessage;

    SimOrder(OrderTicket ticket, String venueOrderId) {
        this.ticket = ticket;
        this.venueOrderId = venueOrderId;
    }

    BigDecimal remaining() {
        return ticket.quantity().subtract(filled);
    }

    ExchangeOrderState view() {
        BigDecimal avg = filled.signum() == 0 ? null : filledNotional.divide(filled, Decimals.SCALE, RoundingMode.HALF_EVEN);
        return new ExchangeOrderState(ticket.clientOrderId(), venueOrderId, status, Decimals.value(filled), avg, reject,
                rejectMessage);
    }
}
