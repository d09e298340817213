package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.order.Order;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.ports.testing.FixedConfigurationProvider;
import io.tradingcore.ports.testing.InMemoryPorts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "a partial fill reported with cumulative quantity", at the cycle: the venue's order endpoint says an
 * order ended CANCELLED with some quantity executed (cumulatively) while its trade list does not show that trade
 * yet. Closing the order on that report would lose the trade for good; the order must stay open until its trades
 * add up to the venue's cumulative quantity.
 */
class LaggingTradesCycleTest {
    private static final HourTs FIRST = START.plusHours(LOOKBACK);

    /**
     * Every order ends after its first trade (an IOC that met too little liquidity): CANCELLED with that trade's
     * quantity executed. The trade shows in {@link #fills} only from the second read on.
     */
    static final class LaggingTradeList implements ExchangeGateway {
        private final ExchangeGateway venue;
        private final Map<ClientOrderId, Integer> reads = new LinkedHashMap<>();

        LaggingTradeList(ExchangeGateway venue) {
            this.venue = venue;
        }

        private ExchangeOrderState cut(ExchangeOrderState s) {
            if (s.status() != OrderStatus.FILLED) {
                return s;
            }
            BigDecimal first = venue.fills(s.clientOrderId()).get(0).quantity();
            return new ExchangeOrderState(s.clientOrderId(), s.venueOrderId(), OrderStatus.CANCELLED, first, s.averagePrice(), null, null);
        }

        @Override
        public SubmitResult submit(OrderRequest o) {
            SubmitResult r = venue.submit(o);
            return r instanceof SubmitResult.Accepted a ? new SubmitResult.Accepted(cut(a.state())) : r;
        }

        @Override
        public ExchangeOrderState cancel(ClientOrderId id) {
            return cut(venue.cancel(id));
        }

        @Override
        public Optional<ExchangeOrderState> query(ClientOrderId id) {
            return venue.query(id).map(this::cut);
        }

        @Override
        public List<ExchangeFill> fills(ClientOrderId id) {
            List<ExchangeFill> all = venue.fills(id);
            return reads.merge(id, 1, Integer::sum) == 1 || all.isEmpty() ? List.of() : List.of(all.get(0));
        }

        @Override
        public SortedMap<String, BigDecimal> balances() {
            return venue.balances();
        }
    }

    @Test
    void cancelledOrderWhoseTradesLagItsCumulativeQuantityStaysOpenUntilTheyArriveAndIsBookedOnce() {
        InMemoryPorts p = ports(11, 40);
        p.exchange.splitFills(true);
        LaggingTradeList venue = new LaggingTradeList(p.exchange);
        HourlyCycleService cycle = new HourlyCycleService(p.runs, p.marketData, p.decisions, p.execution, p.states, p.features, p.models,
                venue, new FixedConfigurationProvider(p.config), p.clock);
        List<CycleReport> reports = new ArrayList<>();
        int hours = 20;
        for (int i = 0; i < hours; i++) {
            HourTs h = FIRST.plusHours(i);
            p.clock.set(h.toInstant().plusSeconds(5));
            reports.add(cycle.run(command(h)));
        }

        HourTs last = FIRST.plusHours(hours - 1);
        List<Order> settled = p.execution.allOrders().stream().filter(o -> o.request().hour().isBefore(last)).toList();
        assertThat(settled).isNotEmpty().allSatisfy(o -> {
            ExchangeOrderState atVenue = venue.query(o.request().clientOrderId()).orElseThrow();
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(o.filledQuantity()).as("booked = venue's cumulative quantity").isEqualByComparingTo(atVenue.filledQuantity())
                    .isPositive();
            assertThat(o.tradeIds()).hasSize(1);
        });
        // each was still open at the end of its own hour (the trade was not visible yet) and closed the next hour
        for (Order o : settled) {
            int hour = (int) FIRST.hoursUntil(o.request().hour());
            assertThat(reports.get(hour).orders()).filteredOn(x -> x.request().orderId().equals(o.request().orderId()))
                    .singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(OrderStatus.ACK));
        }
        assertThat(p.execution.allFills()).hasSize(settled.size() + (int) p.execution.allOrders().stream()
                .filter(o -> o.request().hour().equals(last)).filter(o -> !o.tradeIds().isEmpty()).count());
        assertBooksReconcile(p, reports);
    }
}
