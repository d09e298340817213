package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.StepFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.risk.OrderSizing;
import io.tradingcore.ports.testing.InMemoryPorts;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SizeAndCheckStepTest {
    @Test
    void anEnterBecomesOneBuyTheCashAffordsRecordedBeforeSubmission() {
        InMemoryPorts p = crashScenarioBefore(0);
        StepFixture f = crashHour(p, 0);
        f.through(f.sizeAndCheck);
        var cfg = f.state.signalConfig;
        BigDecimal affordable = OrderSizing.affordableNotional(new BigDecimal("10000"), cfg.feeRate(), cfg.priceBufferRate());
        assertThat(f.state.orders).singleElement().satisfies(o -> {
            assertThat(o.request().side()).isEqualTo(OrderSide.BUY);
            assertThat(o.status()).isEqualTo(OrderStatus.NEW);
            assertThat(o.request().requestedNotional()).isLessThanOrEqualTo(affordable).isPositive();
        });
        assertThat(p.execution.allOrders()).as("recorded").hasSize(1);
        assertThat(p.exchange.placedOrders()).as("not yet submitted").isZero();
        assertThat(f.state.hashes.get(CycleStep.RISK)).isPresent();
        assertThat(f.state.hashes.get(CycleStep.ORDERS)).isPresent();
    }

    @Test
    void aHaltedExitSellsTheWholePosition() {
        InMemoryPorts p = crashScenarioBefore(CRASH);
        StepFixture f = crashHour(p, CRASH);
        f.through(f.sizeAndCheck);
        BigDecimal held = f.state.book.portfolio().position(InMemoryPorts.btc().id()).quantity();
        assertThat(f.state.orders).singleElement().satisfies(o -> {
            assertThat(o.request().side()).isEqualTo(OrderSide.SELL);
            assertThat(o.request().quantity()).isEqualByComparingTo(held);
        });
    }
}
