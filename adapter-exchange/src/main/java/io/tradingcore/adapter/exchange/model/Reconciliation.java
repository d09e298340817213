package io.tradingcore.adapter.exchange.model;

import io.tradingcore.domain.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Values of start-up reconciliation: what we know going in, and what the venue showed that we did not. */
public final class Reconciliation {
    private Reconciliation() {
    }

    /** A fill we already recorded; the same key as the schema's UNIQUE(order_id, exchange_trade_id). */
    public record FillKey(String clientOrderId, String tradeId) {
        public FillKey {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(tradeId, "tradeId");
        }
    }

    /**
     * Our side: every client order id we placed (any status), the fills we recorded, and the instant from which the
     * venue's fills are examined (typically the last fill we recorded, or the last hour we ran, minus a margin).
     */
    public record Input(Set<String> ourClientOrderIds, Set<FillKey> knownFills, Instant since) {
        public Input {
            ourClientOrderIds = Set.copyOf(ourClientOrderIds);
            knownFills = Set.copyOf(knownFills);
            Objects.requireNonNull(since, "since");
        }
    }

    /** An order on the venue that is not ours (placed by hand or by another system): a risk event for the caller. */
    public record UnknownOrder(String symbol, String venueOrderId, String clientOrderId, OrderStatus status,
                               BigDecimal filledQuantity, String why) {
        public UnknownOrder {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(venueOrderId, "venueOrderId");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * missingFills: fills of our orders that we had not recorded, each once (de-duplicated by client order id and
     * trade id), oldest first. unknownOrders: orders that are not ours and are open or filled since {@code since}.
     * ourOpenOrders: our orders the venue still holds open.
     */
    public record Report(List<VenueFill> missingFills, List<UnknownOrder> unknownOrders, List<VenueOrder> ourOpenOrders) {
        public Report {
            missingFills = missingFills.stream()
                    .sorted(Comparator.comparing(VenueFill::tradeTs).thenComparing(VenueFill::clientOrderId).thenComparing(VenueFill::tradeId))
                    .toList();
            unknownOrders = unknownOrders.stream()
                    .sorted(Comparator.comparing(UnknownOrder::symbol).thenComparing(UnknownOrder::venueOrderId))
                    .toList();
            ourOpenOrders = List.copyOf(ourOpenOrders);
        }

        public boolean clean() {
            return missingFills.isEmpty() && unknownOrders.isEmpty();
        }
    }
}
