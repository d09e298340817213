package io.tradingcore.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderSizingTest {
    private static final BigDecimal FEE = new BigDecimal("0.001");
    private static final BigDecimal BUFFER = new BigDecimal("0.004");
    private static final BigDecimal MIN = new BigDecimal("10");

    @Test
    void buyNotionalIsTheTargetCappedAtWhatTheCashAffordsAfterFeeAndBuffer() {
        assertThat(OrderSizing.buyNotional(new BigDecimal("500"), new BigDecimal("10000"), FEE, BUFFER, MIN)).hasValueSatisfying(
                n -> assertThat(n).isEqualByComparingTo("500"));
        BigDecimal capped = OrderSizing.buyNotional(new BigDecimal("5000"), new BigDecimal("1005"), FEE, BUFFER, MIN).orElseThrow();
        assertThat(capped).isEqualByComparingTo("1000");
        assertThat(capped.add(OrderSizing.feeEstimate(capped, FEE)).add(capped.multiply(BUFFER))).isLessThanOrEqualTo(new BigDecimal("1005"));
    }

    @Test
    void noBuyBelowTheMinimumNotionalOrWithoutCash() {
        assertThat(OrderSizing.buyNotional(new BigDecimal("9.99"), new BigDecimal("10000"), FEE, BUFFER, MIN)).isEmpty();
        assertThat(OrderSizing.buyNotional(new BigDecimal("500"), new BigDecimal("10"), FEE, BUFFER, MIN)).as("affords 9.95").isEmpty();
        assertThat(OrderSizing.buyNotional(new BigDecimal("500"), BigDecimal.ZERO, FEE, BUFFER, BigDecimal.ZERO)).isEmpty();
        assertThat(OrderSizing.buyNotional(new BigDecimal("10"), new BigDecimal("10000"), FEE, BUFFER, MIN)).isPresent();
    }

    @Test
    void aBuyReservesItsNotionalAndFeeEstimate() {
        BigDecimal fee = OrderSizing.feeEstimate(new BigDecimal("1000"), FEE);
        assertThat(OrderSizing.cashAfterBuy(new BigDecimal("2500"), new BigDecimal("1000"), fee)).isEqualByComparingTo("1499");
    }

    @Test
    void dustIsAHoldingOfWhichTheVenueSellsNothing() {
        assertThat(OrderSizing.isDust(new BigDecimal("0.000004"), BigDecimal.ZERO)).isTrue();
        assertThat(OrderSizing.isDust(new BigDecimal("0.000014"), new BigDecimal("0.00001"))).isFalse();
        assertThat(OrderSizing.isDust(BigDecimal.ZERO, BigDecimal.ZERO)).as("flat is not dust").isFalse();
    }
}
