package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.StepFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.ports.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

class ExecuteAndBookStepTest {
    @Test
    void submitsThisHoursOrdersAndBooksTheirFills() {
        InMemoryPorts p = crashScenarioBefore(0);
        StepFixture f = crashHour(p, 0);
        f.through(f.execute);
        assertThat(p.exchange.placedOrders()).isEqualTo(1);
        assertThat(f.state.orders).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
        assertThat(f.state.book.fills()).isNotEmpty();
        assertThat(f.state.book.portfolio().position(InMemoryPorts.btc().id()).isFlat()).isFalse();
        assertThat(p.execution.allFills()).isEqualTo(f.state.book.fills());
        assertThat(f.state.hashes.get(CycleStep.FILLS)).isPresent();
        assertThat(f.state.hashes.get(CycleStep.LEDGER)).isPresent();
    }

    @Test
    void aVenueRejectionEndsTheOrderRejectedWithARiskEventAndBooksNothing() {
        InMemoryPorts p = crashScenarioBefore(0);
        StepFixture f = crashHour(p, 0);
        f.through(f.sizeAndCheck);
        p.exchange.scriptNext(new SubmitResult.Rejected(RejectReason.MIN_NOTIONAL, "below 10 USDT"));
        f.run(f.execute);
        assertThat(f.state.orders).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.REJECTED));
        assertThat(f.state.book.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo(RiskEventType.ORDER_REJECTED));
        assertThat(f.state.book.fills()).isEmpty();
        assertThat(p.execution.allOrders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.REJECTED));
    }
}
