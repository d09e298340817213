package io.tradingcore.domain.risk;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.OrderSide;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RiskRulesTest {
    private static final DrawdownPolicy POLICY = DrawdownPolicy.defaults();
    private final RiskCheck check = RiskCheck.standard();

    private static RiskContext ctx(DrawdownTier tier, boolean halted, String cash, String fee) {
        return new RiskContext(tier, POLICY.action(tier), halted, d(cash), d(fee));
    }

    private static OrderIntent buyIntent(String notional) {
        return new OrderIntent(BTC.id(), OrderSide.BUY, d(notional), d("100"));
    }

    @Test
    void notionalEqualToCashPassesWithoutFees() {
        assertThat(check.check(buyIntent("1000"), ctx(DrawdownTier.NORMAL, false, "1000", "0"))).isInstanceOf(RiskDecision.Approved.class);
    }

    @Test
    void notionalEqualToCashIsRefusedOnceTheFeeIsAdded() {
        RiskDecision d = check.check(buyIntent("1000"), ctx(DrawdownTier.NORMAL, false, "1000", "0.001"));
        assertThat(d).isInstanceOf(RiskDecision.Denied.class);
        RiskDecision.Denied denied = (RiskDecision.Denied) d;
        assertThat(denied.rule()).isEqualTo("no-leverage");
        assertThat(denied.type()).isEqualTo(RiskEventType.NO_LEVERAGE_BREACH);
        assertThat(denied.reason()).contains("requested 1000").contains("> cash 1000");
    }

    @Test
    void notionalPlusFeeExactlyEqualToCashPasses() {
        assertThat(check.check(buyIntent("1000"), ctx(DrawdownTier.NORMAL, false, "1001", "0.001"))).isInstanceOf(RiskDecision.Approved.class);
        assertThat(check.check(buyIntent("1000"), ctx(DrawdownTier.NORMAL, false, "1000.999999999999999999", "0.001")))
                .isInstanceOf(RiskDecision.Denied.class);
    }

    @Test
    void dd10HalvesEntries() {
        RiskDecision d = check.check(buyIntent("1000"), ctx(DrawdownTier.DD10, false, "5000", "0.001"));
        assertThat(d).isInstanceOf(RiskDecision.Approved.class);
        RiskDecision.Approved a = (RiskDecision.Approved) d;
        assertThat(a.intent().notional()).isEqualByComparingTo("500");
        assertThat(a.adjustments()).singleElement().asString().startsWith("drawdown-size");
    }

    @Test
    void dd15AllowsExitsOnly() {
        RiskDecision d = check.check(buyIntent("10"), ctx(DrawdownTier.DD15, false, "5000", "0"));
        assertThat(d).isInstanceOf(RiskDecision.Denied.class);
        assertThat(((RiskDecision.Denied) d).rule()).isEqualTo("exits-only");
        OrderIntent sell = new OrderIntent(BTC.id(), OrderSide.SELL, d("10000"), d("100"));
        assertThat(check.check(sell, ctx(DrawdownTier.DD15, false, "0", "0.001"))).isInstanceOf(RiskDecision.Approved.class);
    }

    @Test
    void haltedDeniesEntriesButLetsExitsThrough() {
        RiskDecision d = check.check(buyIntent("10"), ctx(DrawdownTier.NORMAL, true, "5000", "0"));
        assertThat(((RiskDecision.Denied) d).rule()).isEqualTo("trading-halt");
        OrderIntent sell = new OrderIntent(BTC.id(), OrderSide.SELL, d("10000"), d("100"));
        assertThat(check.check(sell, ctx(DrawdownTier.HALT20, true, "0", "0.001"))).isInstanceOf(RiskDecision.Approved.class);
    }

    @Test
    void sizingArithmeticNeverExceedsCash() {
        BigDecimal n = OrderSizing.affordableNotional(d("1000"), d("0.001"), d("0.005"));
        assertThat(n.add(OrderSizing.feeEstimate(n, d("0.001")))).isLessThanOrEqualTo(d("1000"));
        assertThat(OrderSizing.quantity(d("100"), d("3")).toPlainString()).isEqualTo("33.333333333333333333");
        assertThat(OrderSizing.affordableNotional(d("0"), d("0.001"), d("0"))).isZero();
        assertThat(OrderSizing.feeEstimate(d("0.000000000000000001"), d("0.001")).toPlainString()).isEqualTo("0.000000000000000001");
    }
}
