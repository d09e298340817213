package io.tradingcore.ports.service;

import io.tradingcore.domain.risk.RuleId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.portfolio.Portfolio;
import io.tradingcore.domain.portfolio.Position;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.FillRecording;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The mutable working state of one cycle: cash ledger, portfolio, and what the cycle booked (fills,
 * cash entries, late risk events). Books venue fills through the domain (order, ledger, position) and
 * the execution port, one fill per transaction. Not thread-safe; lives for one cycle.
 */
final class CycleBook {
    private final RunKey key;
    private final ExecutionRepository execution;
    private CashLedger ledger;
    private Portfolio portfolio;
    private final List<Fill> fills = new ArrayList<>();
    private final List<CashEntry> cashEntries = new ArrayList<>();
    private final List<RiskEvent> events = new ArrayList<>();
    private int duplicates;

    CycleBook(RunKey key, ExecutionRepository execution, CashLedger ledger, Portfolio portfolio) {
        this.key = key;
        this.execution = execution;
        this.ledger = ledger;
        this.portfolio = portfolio;
    }

    CashLedger ledger() {
        return ledger;
    }

    Portfolio portfolio() {
        return portfolio;
    }

    List<Fill> fills() {
        return fills;
    }

    List<CashEntry> cashEntries() {
        return cashEntries;
    }

    List<RiskEvent> events() {
        return events;
    }

    int duplicates() {
        return duplicates;
    }

    void deposited(List<CashEntry> entries, CashLedger after) {
        cashEntries.addAll(entries);
        ledger = after;
    }

    void event(RiskEventType type, DrawdownTier tier, Asset asset, OrderId order, RuleId rule, String detail) {
        event(type, tier, asset, order, rule.id(), detail);
    }

    /** A risk event of this hour naming {@code rule} (a risk rule's own name). */
    void event(RiskEventType type, DrawdownTier tier, Asset asset, OrderId order, String rule, String detail) {
        events.add(RiskEvent.of(key.account(), key.hour(), type, tier, asset == null ? null : asset.id(), order, rule, detail));
    }

    /**
     * Books every venue fill of {@code order} not yet booked, in trade time then trade id order.
     * Returns the order after them.
     */
    Order bookFills(Order order, List<ExchangeFill> venueFills, DrawdownTier tier) {
        List<ExchangeFill> sorted = new ArrayList<>(venueFills);
        sorted.sort(Comparator.comparing(ExchangeFill::tradeTs).thenComparing(ExchangeFill::exchangeTradeId));
        Order current = order;
        for (ExchangeFill vf : sorted) {
            current = bookOne(current, vf, tier);
        }
        return current;
    }

    private Order bookOne(Order order, ExchangeFill vf, DrawdownTier tier) {
        Asset asset = order.request().asset();
        Fill fill = toFill(order, vf);
        FillOutcome outcome = order.applyFill(fill);
        if (outcome instanceof FillOutcome.Duplicate) {
            duplicates++;
            return order;
        }
        if (outcome instanceof FillOutcome.Refused r) {
            event(RiskEventType.FILL_REFUSED, tier, asset, order.request().orderId(), RuleId.FILL_CHECK, r.reason());
            return order;
        }
        Order after = ((FillOutcome.Applied) outcome).order();
        Position before = portfolio.position(fill.asset());
        if (before.quantity().add(fill.positionDelta()).signum() < 0) {
            // a sell whose base-asset fee comes on top of it: more than we hold, so the books would go short
            event(RiskEventType.FILL_REFUSED, tier, asset, order.request().orderId(), RuleId.POSITION,
                    "sell of " + fill.quantity().toPlainString() + " plus fee " + fill.baseFee().toPlainString() + " " + asset.base()
                            + " exceeds position " + before.quantity().toPlainString() + " (trade " + vf.exchangeTradeId() + ")");
            return order;
        }
        LedgerResult lr = ledger.bookFill(fill);
        if (lr instanceof LedgerResult.Refused refused) {
            event(RiskEventType.FILL_REFUSED, tier, asset, order.request().orderId(), RuleId.CASH_LEDGER,
                    refused.reason() + " (trade " + vf.exchangeTradeId() + ")");
            return order;
        }
        LedgerResult.Posted posted = (LedgerResult.Posted) lr;
        Portfolio nextPortfolio = portfolio.apply(fill);
        BigDecimal realised = nextPortfolio.position(fill.asset()).realisedPnl().subtract(before.realisedPnl());
        FillRecording rec = execution.recordFill(key, new FillBooking(fill, after, posted.entries(), realised));
        if (rec == FillRecording.DUPLICATE) {
            // stored by an earlier attempt of this run (crash, resume): the book was rebuilt from the
            // previous hour's state, so the fill still belongs in it
            duplicates++;
        }
        ledger = posted.ledger();
        portfolio = nextPortfolio;
        fills.add(fill);
        cashEntries.addAll(posted.entries());
        return after;
    }

    /**
     * Venue fill to domain fill. A fee charged in the base asset stays in the base asset: it reduces the
     * position (see {@link Fill#positionDelta()}), not the cash.
     */
    private static Fill toFill(Order order, ExchangeFill vf) {
        Asset asset = order.request().asset();
        FeeCurrency currency;
        if (vf.feeAsset().equals(asset.quote())) {
            currency = FeeCurrency.QUOTE;
        } else if (vf.feeAsset().equals(asset.base())) {
            currency = FeeCurrency.BASE;
        } else {
            throw new IllegalStateException("fee asset " + vf.feeAsset() + " of trade " + vf.exchangeTradeId()
                    + " is neither " + asset.base() + " nor " + asset.quote());
        }
        return new Fill(order.request().orderId(), new ExchangeTradeId(vf.exchangeTradeId().value()), asset.id(),
                order.request().side(), vf.quantity(), vf.price(), vf.fee(), vf.tradeTs(), vf.liquidity(), currency);
    }
}
