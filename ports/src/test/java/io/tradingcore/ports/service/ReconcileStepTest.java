package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.ACCOUNT;
import static io.tradingcore.ports.service.StepFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.order.Order;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.ports.testing.InMemoryPorts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileStepTest {
    @Test
    void firstHourOpensTheBooksWithTheInitialDeposit() {
        InMemoryPorts p = crashScenarioBefore(0);
        StepFixture f = crashHour(p, 0);
        f.run(f.reconcile);
        assertThat(f.state.previous).isEmpty();
        assertThat(f.state.book.ledger().balance()).isEqualByComparingTo("10000");
        assertThat(f.state.book.cashEntries()).hasSize(1);
        assertThat(p.execution.cashBalance(ACCOUNT, RunMode.BACKTEST)).isEqualByComparingTo("10000");
        assertThat(f.state.orders).isEmpty();
    }

    @Test
    void laterHourStartsFromThePreviousStateAndResubmitsAnOrderWhoseAnswerWasLost() {
        InMemoryPorts p = crashScenarioBefore(0);
        p.exchange.scriptNext(new SubmitResult.Unknown("timeout"));
        p.cycle.run(CycleScenariosTest.oneAsset(FIRST, Optional.empty()));
        Order lost = p.execution.allOrders().get(0);
        assertThat(lost.status()).isEqualTo(OrderStatus.NEW);
        int placed = p.exchange.placedOrders();

        StepFixture f = crashHour(p, 1);
        f.run(f.reconcile);
        assertThat(f.state.previous).contains(p.states.at(ACCOUNT, RunMode.BACKTEST, FIRST).orElseThrow());
        assertThat(f.state.previous.orElseThrow().portfolio().cash()).as("nothing filled in the lost hour").isEqualByComparingTo("10000");
        assertThat(f.state.orders).singleElement().satisfies(o -> {
            assertThat(o.request().clientOrderId()).isEqualTo(lost.request().clientOrderId());
            assertThat(o.status()).isNotEqualTo(OrderStatus.NEW);
        });
        assertThat(p.exchange.placedOrders()).isEqualTo(placed + 1);
        assertThat(f.state.book.fills()).as("the resubmitted order's fills are booked").isNotEmpty();
        assertThat(f.state.book.ledger().balance()).isLessThan(f.state.previous.orElseThrow().portfolio().cash());
    }
}
