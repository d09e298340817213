package io.tradingcore.application.live;

import io.tradingcore.adapter.exchange.BinanceGateway;
import io.tradingcore.adapter.exchange.StartupReconciliation;
import io.tradingcore.application.Persistence;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.TradingSessionRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Start-up reconciliation of a LIVE account: what the venue holds or did that our store does not know.
 *
 * <p>Each finding becomes a durable risk_event of the first hour the session runs (a risk event needs that hour's
 * run_context), besides the printed warning:
 * <ul>
 *   <li>a fill of our own order missing from our books: ORDER_UNKNOWN, rule {@code startup-reconciliation:missing-fill}.
 *       That hour's cycle books it exactly once (it reconciles the order, still open in our books, with the venue;
 *       order_fill is unique per (order, trade id)). A fill of an order our books already closed cannot be booked
 *       automatically: FILL_REFUSED, same rule, for the operator;</li>
 *   <li>an order open or filled on the venue that this system did not place: ORDER_UNKNOWN, rule
 *       {@code startup-reconciliation:foreign-order}; it is never touched;</li>
 *   <li>an order open in our books that the venue does not know: ORDER_UNKNOWN, rule
 *       {@code startup-reconciliation:order-missing-on-venue}; the cycle submits a NEW one again under the same
 *       client order id (so it cannot be doubled) and leaves an acknowledged one open for the operator.</li>
 * </ul>
 * A risk event's id derives from its content and hour, so a restart that finds the same thing in the same hour
 * writes nothing twice. Our orders still open on the venue are normal and only printed.
 */
public final class LiveReconciliation {

    /** How far back fills are compared when the account has never run (and at most, after a long pause). */
    static final Duration MAX_LOOKBACK = Duration.ofDays(7);
    static final String RULE = "startup-reconciliation";

    /** One finding: the risk event it becomes (without hour and tier, known only when the first hour has run). */
    public record Finding(RiskEventType type, AssetId asset, OrderId order, String kind, String detail) {
        public Finding {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }

        /** The printed warning. */
        public String line() {
            return kind + ": " + detail;
        }

        RiskEvent event(AccountId account, HourTs hour, DrawdownTier tier) {
            return RiskEvent.of(account, hour, type, tier, asset, order, RULE + ":" + kind, detail);
        }
    }

    /** The findings, and informational notes (our orders still open on the venue). */
    public record Result(List<Finding> findings, List<String> notes) {
        public Result {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    private LiveReconciliation() {
    }

    /** Compares the venue with the LIVE orders and fills stored for {@code account} (trading {@code assets}). */
    public static Result run(TradingSessionRepository sessions, ExecutionRepository execution, BinanceGateway venue,
                             AccountId account, List<Asset> assets, Instant now) {
        Set<ClientOrderId> ours = new TreeSet<>(sessions.clientOrderIds(account, RunMode.LIVE));
        Set<StartupReconciliation.KnownFill> known = new HashSet<>();
        for (TradingSessionRepository.BookedTrade t : sessions.bookedTrades(account, RunMode.LIVE)) {
            known.add(new StartupReconciliation.KnownFill(t.clientOrderId(), t.tradeId()));
        }
        Instant since = now.minus(MAX_LOOKBACK);
        Optional<HourTs> last = sessions.lastRunHour(account, RunMode.LIVE);
        if (last.isPresent() && last.get().toInstant().minus(Duration.ofHours(1)).isAfter(since)) {
            since = last.get().toInstant().minus(Duration.ofHours(1));
        }
        StartupReconciliation.Report r = venue.reconcile(new StartupReconciliation.Request(ours, known, since));
        List<Finding> findings = new ArrayList<>();
        for (ExchangeFill f : r.missingFills()) {
            findings.add(missingFill(f, execution.orderByClientId(f.clientOrderId())));
        }
        for (StartupReconciliation.ForeignOrder o : r.foreignOrders()) {
            findings.add(new Finding(RiskEventType.ORDER_UNKNOWN, assetOf(assets, o.symbol()), null, "foreign-order",
                    "order not placed by this system on " + o.symbol() + ": venue id " + o.venueOrderId() + ", status " + o.status()
                            + ", filled " + plain(o.filledQuantity()) + " (" + o.why() + "); left untouched"));
        }
        Set<ClientOrderId> openOnVenue = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        for (ExchangeOrderState s : r.ourOpenOrders()) {
            openOnVenue.add(s.clientOrderId());
            notes.add("our order still open on the venue: " + s);
        }
        for (Order o : execution.openOrders(account, RunMode.LIVE)) {
            ClientOrderId id = o.request().clientOrderId();
            if (!openOnVenue.contains(id) && venue.query(id).isEmpty()) {
                findings.add(new Finding(RiskEventType.ORDER_UNKNOWN, o.request().asset().id(), o.request().orderId(),
                        "order-missing-on-venue", "our order " + id + " (" + o.request().side() + " " + plain(o.request().quantity()) + " "
                        + o.request().asset().symbol() + ", " + o.status() + " in our books) is not known to the venue; "
                        + (o.status() == io.tradingcore.domain.OrderStatus.NEW
                        ? "the next cycle submits it again under the same client order id"
                        : "left open for the operator")));
            }
        }
        return new Result(findings, notes);
    }

    private static Finding missingFill(ExchangeFill f, Optional<Order> order) {
        String what = "trade " + f.exchangeTradeId().value() + " of our order " + f.clientOrderId() + ": " + plain(f.quantity()) + " at "
                + plain(f.price()) + ", fee " + plain(f.fee()) + " " + f.feeAsset() + ", traded " + f.tradeTs() + ", not in our books";
        if (order.isEmpty()) {
            return new Finding(RiskEventType.FILL_REFUSED, null, null, "missing-fill", what + "; its order is not in our books either");
        }
        Order o = order.get();
        return o.status().isOpen()
                ? new Finding(RiskEventType.ORDER_UNKNOWN, o.request().asset().id(), o.request().orderId(), "missing-fill",
                        what + "; the next cycle books it")
                : new Finding(RiskEventType.FILL_REFUSED, o.request().asset().id(), o.request().orderId(), "missing-fill",
                        what + "; cannot be booked automatically: the order is " + o.status() + " in our books");
    }

    /**
     * Records {@code findings} as risk events of the hour a session has just run ({@code report}'s run), at the tier in
     * force after it; idempotent (deterministic event ids).
     */
    public static void record(Persistence p, AccountId account, HourTs hour, CycleReport report, List<Finding> findings) {
        DrawdownTier tier = p.states().latestBefore(account, RunMode.LIVE, hour.plusHours(1)).map(s -> s.risk().tier())
                .orElse(DrawdownTier.NORMAL);
        p.decisions().recordRiskEvents(new RunKey(report.runId(), account, RunMode.LIVE, hour),
                findings.stream().map(f -> f.event(account, hour, tier)).toList());
    }

    private static AssetId assetOf(List<Asset> assets, String symbol) {
        return assets.stream().filter(a -> a.symbol().equals(symbol)).map(Asset::id).findFirst().orElse(null);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
