package io.tradingcore.domain.properties;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.SignalId;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.portfolio.Portfolio;
import io.tradingcore.domain.risk.DrawdownMonitor;
import io.tradingcore.domain.risk.DrawdownPolicy;
import io.tradingcore.domain.risk.OrderIntent;
import io.tradingcore.domain.risk.OrderSizing;
import io.tradingcore.domain.risk.RiskAssessment;
import io.tradingcore.domain.risk.RiskCheck;
import io.tradingcore.domain.risk.RiskContext;
import io.tradingcore.domain.risk.RiskDecision;
import io.tradingcore.domain.risk.RiskState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of signals, prices and fills pushed through the domain rules (sizing, risk check,
 * order, ledger, positions): cash never goes negative, no order needs more than the cash before it,
 * the ledger sums to its balance, positions equal the net of the fills (less fees charged in the base
 * asset), a SELL of the whole position is always possible, fills never exceed orders.
 */
class TradingInvariantsPropertyTest {
    private static final BigDecimal FEE = new BigDecimal("0.001");
    private static final BigDecimal BUFFER = new BigDecimal("0.005");

    /**
     * One step: a BUY (share of cash) or SELL (share of position) after a price move, executed in parts; a BUY's
     * fee may be charged in the base asset (withheld from the bought quantity) instead of cash.
     */
    record Step(boolean buy, BigDecimal priceFactor, int percent, int parts, boolean duplicate, int slipPercentOfHalfBuffer,
                boolean feeInBase) {
    }

    @Provide
    Arbitrary<Step> step() {
        Arbitrary<BigDecimal> factor = Arbitraries.bigDecimals().between(new BigDecimal("0.75"), new BigDecimal("1.30")).ofScale(4);
        return Combinators.combine(Arbitraries.of(true, false), factor, Arbitraries.integers().between(1, 100),
                Arbitraries.integers().between(1, 3), Arbitraries.of(true, false), Arbitraries.integers().between(0, 100),
                Arbitraries.of(true, false)).as(Step::new);
    }

    @Provide
    Arbitrary<BigDecimal> startPrice() {
        // SHIB-sized and BTC-sized markets: sizing, fees and PnL must stay exact in both
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("0.00000500"), new BigDecimal("0.00009000")).ofScale(8),
                Arbitraries.bigDecimals().between(new BigDecimal("0.5"), new BigDecimal("130000")).ofScale(8));
    }

    @Property(tries = 300)
    void cashLedgerPositionsAndOrdersStayConsistent(@ForAll @Size(max = 30) List<@net.jqwik.api.From("step") Step> steps,
                                                    @ForAll @BigRange(min = "1", max = "1000000") @Scale(2) BigDecimal deposit,
                                                    @ForAll("startPrice") BigDecimal startPrice) {
        BigDecimal price = startPrice;
        List<CashEntry> entries = new ArrayList<>();
        LedgerResult.Posted d = (LedgerResult.Posted) CashLedger.empty(ACCOUNT).transfer(CashEntryType.DEPOSIT, deposit, Instant.EPOCH, "initial");
        entries.addAll(d.entries());
        CashLedger ledger = d.ledger();
        Portfolio portfolio = Portfolio.empty();
        BigDecimal netFilled = BigDecimal.ZERO;
        RiskCheck check = RiskCheck.standard();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            price = price.multiply(s.priceFactor()).setScale(8, RoundingMode.HALF_EVEN).max(new BigDecimal("0.00000001"));
            BigDecimal cash = ledger.balance();
            OrderRequest req;
            if (s.buy()) {
                BigDecimal target = Decimals.value(cash.multiply(BigDecimal.valueOf(s.percent())).movePointLeft(2));
                BigDecimal n = target.min(OrderSizing.affordableNotional(cash, FEE, BUFFER));
                RiskDecision v = check.check(new OrderIntent(BTC.id(), OrderSide.BUY, n, price),
                        new RiskContext(DrawdownTier.NORMAL, DrawdownPolicy.defaults().normal(), false, cash, FEE));
                assertThat(v).as("a sized entry passes the no-leverage rule").isInstanceOf(RiskDecision.Approved.class);
                BigDecimal qty = OrderSizing.quantity(n, price);
                if (qty.signum() == 0) {
                    continue;
                }
                BigDecimal notional = Decimals.multiply(qty, price);
                assertThat(notional.add(OrderSizing.feeEstimate(notional, FEE))).as("order within cash").isLessThanOrEqualTo(cash);
                req = request(i, OrderSide.BUY, qty, notional, cash);
            } else {
                BigDecimal held = portfolio.position(BTC.id()).quantity();
                BigDecimal qty = held.multiply(BigDecimal.valueOf(s.percent())).movePointLeft(2).setScale(18, RoundingMode.DOWN);
                if (qty.signum() == 0 || Decimals.multiply(qty, price).signum() == 0) {
                    continue;
                }
                req = request(i, OrderSide.SELL, qty, Decimals.multiply(qty, price), cash);
            }
            // execution moves the price against us by at most half the sizing buffer
            BigDecimal slip = BUFFER.divide(BigDecimal.valueOf(2)).multiply(BigDecimal.valueOf(s.slipPercentOfHalfBuffer())).movePointLeft(2);
            BigDecimal exec = Decimals.value(price.multiply(s.buy() ? BigDecimal.ONE.add(slip) : BigDecimal.ONE.subtract(slip)));
            BigDecimal reserved = s.buy() ? OrderSizing.feeEstimate(req.requestedNotional(), FEE) : Decimals.ZERO;
            Order order = Order.placed(req, reserved, portfolio.position(BTC.id()).quantity()).on(new OrderEvent.Acknowledged());
            for (Fill f : fills(req, exec, s.parts(), s.duplicate(), s.buy() && s.feeInBase())) {
                FillOutcome out = order.applyFill(f);
                if (out instanceof FillOutcome.Duplicate) {
                    continue;
                }
                assertThat(out).isInstanceOf(FillOutcome.Applied.class);
                order = ((FillOutcome.Applied) out).order();
                LedgerResult lr = ledger.bookFill(f);
                assertThat(lr).as("ledger accepts a fill of a sized order").isInstanceOf(LedgerResult.Posted.class);
                entries.addAll(((LedgerResult.Posted) lr).entries());
                ledger = ((LedgerResult.Posted) lr).ledger();
                portfolio = portfolio.apply(f);
                netFilled = netFilled.add(f.side() == OrderSide.BUY ? f.quantity().subtract(f.baseFee()) : f.quantity().negate());
            }
            assertThat(order.filledQuantity()).isEqualByComparingTo(req.quantity());
            assertThat(ledger.balance().signum()).isGreaterThanOrEqualTo(0);
            assertThat(CashLedger.reconciles(entries, ledger.balance())).isTrue();
            assertThat(portfolio.position(BTC.id()).quantity()).isEqualByComparingTo(netFilled);
        }
    }

    @Property(tries = 500)
    void tierIsAPureMonotoneFunctionOfDrawdown(@ForAll @BigRange(min = "0", max = "1") @Scale(18) BigDecimal a,
                                               @ForAll @BigRange(min = "0", max = "1") @Scale(18) BigDecimal b) {
        DrawdownTier ta = DrawdownTier.forDrawdown(a);
        assertThat(DrawdownTier.forDrawdown(a)).isEqualTo(ta);
        assertThat(ta).isEqualTo(reference(a));
        if (a.compareTo(b) <= 0) {
            assertThat(ta.compareTo(DrawdownTier.forDrawdown(b))).isLessThanOrEqualTo(0);
        }
        // the monitor's tier is the same function of the drawdown it measures
        BigDecimal peak = new BigDecimal("1000");
        BigDecimal equity = peak.subtract(peak.multiply(a));
        RiskAssessment r = new DrawdownMonitor(DrawdownPolicy.defaults()).assess(ACCOUNT, HOUR,
                new RiskState(DrawdownTier.NORMAL, false, peak), equity, Optional.empty());
        assertThat(r.state().tier()).isEqualTo(DrawdownTier.forDrawdown(r.state().drawdown()));
        assertThat(r.state().drawdown()).isEqualByComparingTo(a);
    }

    private static DrawdownTier reference(BigDecimal d) {
        if (d.compareTo(new BigDecimal("0.2")) >= 0) {
            return DrawdownTier.HALT20;
        }
        if (d.compareTo(new BigDecimal("0.15")) >= 0) {
            return DrawdownTier.DD15;
        }
        return d.compareTo(new BigDecimal("0.1")) >= 0 ? DrawdownTier.DD10 : DrawdownTier.NORMAL;
    }

    private static OrderRequest request(int i, OrderSide side, BigDecimal qty, BigDecimal notional, BigDecimal cash) {
        SignalId signal = new SignalId(DeterministicIds.uuid("prop-signal", Integer.toString(i)));
        return new OrderRequest(DeterministicIds.orderId(RUN, signal), ClientOrderId.forSignal(RUN, signal), RUN, signal, ACCOUNT, BTC, side,
                OrderType.MARKET, qty, null, notional, cash, HOUR);
    }

    private static List<Fill> fills(OrderRequest req, BigDecimal price, int parts, boolean duplicate, boolean feeInBase) {
        List<Fill> out = new ArrayList<>();
        BigDecimal left = req.quantity();
        for (int p = 1; p <= parts; p++) {
            BigDecimal q = p == parts ? left : req.quantity().divide(BigDecimal.valueOf(parts), 18, RoundingMode.DOWN);
            if (q.signum() == 0) {
                continue;
            }
            left = left.subtract(q);
            // a base-asset fee rounds down so that it stays below the quantity even for the smallest trade
            BigDecimal fee = feeInBase ? q.multiply(FEE).setScale(18, RoundingMode.DOWN)
                    : Decimals.multiply(q, price).multiply(FEE).setScale(18, RoundingMode.UP);
            Fill f = new Fill(req.orderId(), new ExchangeTradeId("t" + p), BTC.id(), req.side(), q, price, fee, Instant.EPOCH, "TAKER",
                    feeInBase ? FeeCurrency.BASE : FeeCurrency.QUOTE);
            out.add(f);
            if (duplicate) {
                out.add(f);
            }
        }
        return out;
    }
}
