package io.tradingcore.ports.service;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.portfolio.Position;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.OrderSizing;
import io.tradingcore.ports.out.ExchangeGateway;
import java.math.BigDecimal;

/** Asks the venue's lot rules which holdings it would buy back; the rule (what dust is) is {@link OrderSizing#isDust}. */
final class SellableHoldings {
    private final ExchangeGateway exchange;

    SellableHoldings(ExchangeGateway exchange) {
        this.exchange = exchange;
    }

    /**
     * Holds {@code pos} and the venue could sell it at {@code mark}. A remainder too small to sell (dust, e.g. what a
     * fee charged in the base asset leaves below one lot step) is held but not sellable. Without a mark (null) the
     * venue cannot be asked, so any holding counts (no order is sized without a mark anyway).
     */
    boolean holdsSellable(Asset asset, Position pos, BigDecimal mark) {
        if (pos.isFlat()) {
            return false;
        }
        return mark == null || !OrderSizing.isDust(pos.quantity(), exchange.sellableQuantity(asset, pos.quantity(), mark));
    }

    /** The position is dust at its mark; its asset is looked up in {@code cycle} only when there is a holding to ask about. */
    boolean isDust(CycleState cycle, PositionState s) {
        return s.quantity().signum() > 0 && s.markPrice().signum() > 0
                && OrderSizing.isDust(s.quantity(), exchange.sellableQuantity(cycle.assetOf(s.asset()), s.quantity(), s.markPrice()));
    }
}
