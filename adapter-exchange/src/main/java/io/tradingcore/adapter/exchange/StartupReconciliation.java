package io.tradingcore.adapter.exchange;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Start-up reconciliation against a venue, in the ports' types. */
public final class StartupReconciliation {
    private StartupReconciliation() {
    }

    /** A fill we already booked: the key of the schema's UNIQUE(order_id, exchange_trade_id). */
    public record KnownFill(ClientOrderId clientOrderId, ExchangeTradeId tradeId) {
        public KnownFill {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(tradeId, "tradeId");
        }
    }

    /** Our side: every client order id we placed (any status), the fills we booked, and where the venue's fills are read from. */
    public record Request(Set<ClientOrderId> ourOrders, Set<KnownFill> knownFills, Instant since) {
        public Request {
            ourOrders = Set.copyOf(ourOrders);
            knownFills = Set.copyOf(knownFills);
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * An order on the venue that we did not place (by hand, another system): the caller records it as a risk event.
     * {@code symbol} is ours ("BTC/USDT"). Its ids are the venue's strings as they are: {@code venueOrderId} is the
     * venue's order id and {@code clientOrderId} whatever id its placer chose (possibly none, or one that is not a valid
     * {@link ClientOrderId}), so neither is one of our id types.
     */
    public record ForeignOrder(String symbol, String venueOrderId, String clientOrderId, OrderStatus status,
                               BigDecimal filledQuantity, String why) {
        public ForeignOrder {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(venueOrderId, "venueOrderId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * missingFills: fills of our orders we had not booked, each exactly once, oldest first (book them, then they are
     * known). foreignOrders: open or filled-since orders that are not ours. ourOpenOrders: ours the venue still holds.
     */
    public record Report(List<ExchangeFill> missingFills, List<ForeignOrder> foreignOrders, List<ExchangeOrderState> ourOpenOrders) {
        public Report {
            missingFills = missingFills.stream().sorted(Comparator.comparing(ExchangeFill::tradeTs)
                    .thenComparing(ExchangeFill::clientOrderId).thenComparing(ExchangeFill::exchangeTradeId)).toList();
            foreignOrders = foreignOrders.stream().sorted(Comparator.comparing(ForeignOrder::symbol)
                    .thenComparing(ForeignOrder::venueOrderId)).toList();
            ourOpenOrders = List.copyOf(ourOpenOrders);
        }

        public boolean clean() {
            return missingFills.isEmpty() && foreignOrders.isEmpty();
        }
    }
}
