package io.tradingcore.ports.service;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.hash.Canonical;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.order.OrderStateMachine;
import io.tradingcore.domain.portfolio.Portfolio;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.portfolio.Position;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.DrawdownMonitor;
import io.tradingcore.domain.risk.OrderIntent;
import io.tradingcore.domain.risk.OrderSizing;
import io.tradingcore.domain.risk.RiskAssessment;
import io.tradingcore.domain.risk.RiskCheck;
import io.tradingcore.domain.risk.RiskContext;
import io.tradingcore.domain.risk.RiskDecision;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.risk.RiskHourlyState;
import io.tradingcore.domain.risk.RiskState;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.SignalInput;
import io.tradingcore.domain.signal.SignalPolicy;
import io.tradingcore.domain.signal.SignalPolicyConfig;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.in.RunHourlyCycleUseCase;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.Clock;
import io.tradingcore.ports.out.ConfigurationProvider;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.ports.out.TradingConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The hourly cycle over the ports, the same code for BACKTEST, PAPER and LIVE.
 *
 * <p>Order of work: DATA (read as of the hour; read before the run context is opened because
 * run_context.data_snapshot_hash is NOT NULL and reads have no side effects), open the run context
 * (idempotent), load the previous hour's state, reconcile orders left open by earlier hours, assess
 * drawdown, FEATURES, MODELS, SIGNALS, RISK, ORDERS (recorded before submission), submit, FILLS, LEDGER,
 * STATE, complete. Each step's output is hashed canonically; the hashes are stored with the run.
 *
 * <p>A resumed cycle re-runs every step: all writes are idempotent by deterministic keys and the
 * venue recognises our deterministic client order ids, so nothing is written or placed twice.
 */
public final class HourlyCycleService implements RunHourlyCycleUseCase {
    private final RunContextRepository runs;
    private final MarketDataRepository marketData;
    private final DecisionRecordRepository decisions;
    private final ExecutionRepository execution;
    private final AccountStateRepository states;
    private final FeatureEngine featureEngine;
    private final ModelStack models;
    private final ExchangeGateway exchange;
    private final ConfigurationProvider configuration;
    private final Clock clock;
    /** Candles recur in the next hour's window: their canonical text is written once (same hash). */
    private final Canonical.Memo candleTexts = new Canonical.Memo(Candle.class);

    public HourlyCycleService(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                              ExecutionRepository execution, AccountStateRepository states, FeatureEngine featureEngine,
                              ModelStack models, ExchangeGateway exchange, ConfigurationProvider configuration, Clock clock) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.marketData = Objects.requireNonNull(marketData, "marketData");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.states = Objects.requireNonNull(states, "states");
        this.featureEngine = Objects.requireNonNull(featureEngine, "featureEngine");
        this.models = Objects.requireNonNull(models, "models");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CycleReport run(RunHourlyCycleCommand cmd) {
        TradingConfig config = configuration.current();
        HourTs hour = cmd.hour();
        int minBars = featureEngine.lookbackBars();
        int bars = Math.max(minBars, config.lookbackBars());
        List<AssetInputs> inputs = new ArrayList<>();
        for (Asset a : cmd.assets()) {
            inputs.add(AssetInputs.of(a, marketData.closedCandlesAsOf(a.id(), config.venue(), hour, bars),
                    marketData.latestBookAsOf(a.id(), config.venue(), hour), hour, minBars));
        }
        String dataHash;
        synchronized (candleTexts) {
            dataHash = Canonical.sha256(inputs, candleTexts);
        }
        StepHashes hashes = StepHashes.empty().with(CycleStep.DATA, dataHash);

        RunContext proposed = new RunContext(DeterministicIds.runId(cmd.account(), cmd.mode(), hour), cmd.account(), cmd.mode(),
                hour, Math.max(0, hour.toInstant().getEpochSecond() / 3600), cmd.codeVersionSha(), config.configHash(), dataHash,
                cmd.randomSeed(), cmd.backtestRunId(), RunStatus.STARTED, clock.now(), null);
        RunStart start = runs.start(proposed);
        RunContext run = start.context();
        if (start instanceof RunStart.AlreadyFinished) {
            return empty(run, CycleReport.Outcome.ALREADY_FINISHED, runs.stepHashes(run.runId()).orElse(StepHashes.empty()));
        }
        if (start instanceof RunStart.Busy) {
            return empty(run, CycleReport.Outcome.BUSY, StepHashes.empty());
        }
        if (inputs.stream().noneMatch(AssetInputs::fresh) && !holdsAnything(cmd)) {
            runs.finish(run.runId(), RunStatus.SKIPPED, laterOf(clock.now(), run.startedAt()), hashes);
            return empty(run, CycleReport.Outcome.SKIPPED_NO_DATA, hashes);
        }
        Cycle cycle = new Cycle(cmd, config, run.key(), inputs, hashes);
        try {
            CycleReport report = cycle.execute();
            runs.finish(run.runId(), RunStatus.COMPLETED, laterOf(clock.now(), run.startedAt()), report.stepHashes());
            return report;
        } catch (RuntimeException e) {
            try {
                runs.finish(run.runId(), RunStatus.FAILED, laterOf(clock.now(), run.startedAt()), cycle.hashes);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private boolean holdsAnything(RunHourlyCycleCommand cmd) {
        return !execution.openOrders(cmd.account(), cmd.mode()).isEmpty()
                || states.latestBefore(cmd.account(), cmd.mode(), cmd.hour())
                .map(s -> s.positions().stream().anyMatch(p -> p.quantity().signum() > 0)).orElse(false);
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }

    private static CycleReport empty(RunContext run, CycleReport.Outcome outcome, StepHashes hashes) {
        return new CycleReport(run.runId(), outcome, hashes, List.of(), List.of(), List.of(), Optional.empty());
    }

    /** One execution of the cycle body; holds the working state so each step stays small. */
    private final class Cycle {
        private final RunHourlyCycleCommand cmd;
        private final TradingConfig config;
        private final SignalPolicyConfig signalConfig;
        private final RunKey key;
        private final List<AssetInputs> inputs;
        private final DrawdownMonitor monitor;
        private StepHashes hashes;
        private CycleBook book;
        private RiskAssessment assessment;
        private DrawdownTier previousTier = DrawdownTier.NORMAL;
        private Optional<HourlyState> previous = Optional.empty();
        private final Map<AssetId, BigDecimal> marks = new TreeMap<>();
        private final List<Order> orders = new ArrayList<>();

        Cycle(RunHourlyCycleCommand cmd, TradingConfig config, RunKey key, List<AssetInputs> inputs, StepHashes hashes) {
            this.cmd = cmd;
            this.config = config;
            this.signalConfig = config.signal();
            this.key = key;
            this.inputs = inputs;
            this.hashes = hashes;
            this.monitor = new DrawdownMonitor(config.drawdown());
        }

        CycleReport execute() {
            previous = states.latestBefore(key.account(), key.mode(), key.hour());
            RiskState prevRisk = previous.map(s -> s.risk().riskState()).orElse(RiskState.initial());
            previousTier = prevRisk.tier();
            openBook(previous);
            reconcileOpenOrders();
            for (AssetInputs in : inputs) {
                in.mark().ifPresent(m -> marks.put(in.asset().id(), m));
            }
            BigDecimal equity = book.ledger().balance().add(book.portfolio().marketValue(marks));
            assessment = monitor.assess(key.account(), key.hour(), prevRisk, equity, cmd.operatorReset());
            if (assessment.state().halted()) {
                cancelOpenOrders();
            }
            List<FeatureVector> features = features();
            SortedMap<AssetId, StackPrediction> predictions = predictions(features);
            List<TradeSignal> signals = signals(predictions, equity);
            List<RiskDecision> verdicts = risk(signals);
            submitAndBook();
            HourlyState state = state();
            return new CycleReport(key.runId(), CycleReport.Outcome.COMPLETED, hashes, signals, orders, allEvents(), Optional.of(state));
        }

        private List<RiskEvent> allEvents() {
            List<RiskEvent> all = new ArrayList<>(assessment.events());
            all.addAll(book.events());
            return all;
        }

        /**
         * Cash and positions as at the end of the previous hour (so a resumed cycle starts from exactly
         * where the first attempt started); the very first cycle takes the initial deposit, or the
         * ledger's balance when there is none (LIVE).
         */
        private void openBook(Optional<HourlyState> previous) {
            TreeMap<AssetId, Position> positions = new TreeMap<>();
            previous.ifPresent(s -> s.positions().forEach(p -> positions.put(p.asset(), p.position())));
            if (previous.isPresent()) {
                book = new CycleBook(key, execution, new CashLedger(key.account(), previous.get().portfolio().cash()), new Portfolio(positions));
                return;
            }
            if (cmd.initialDeposit().signum() == 0) {
                CashLedger ledger = new CashLedger(key.account(), execution.cashBalance(key.account(), key.mode()));
                book = new CycleBook(key, execution, ledger, new Portfolio(positions));
                return;
            }
            CashLedger empty = CashLedger.empty(key.account());
            book = new CycleBook(key, execution, empty, new Portfolio(positions));
            LedgerResult.Posted posted = (LedgerResult.Posted) empty.transfer(CashEntryType.DEPOSIT, cmd.initialDeposit(),
                    key.hour().toInstant(), "initial-deposit");
            execution.appendCash(key, posted.entries());
            book.deposited(posted.entries(), posted.ledger());
        }

        /** Orders of earlier hours still open: book their new fills and take over terminal venue states. */
        private void reconcileOpenOrders() {
            for (Order open : execution.openOrders(key.account(), key.mode())) {
                if (open.request().hour().equals(key.hour())) {
                    continue;
                }
                Optional<ExchangeOrderState> venue = exchange.query(open.request().clientOrderId());
                Order after = venue.isEmpty() && open.status() == OrderStatus.NEW
                        // never reached the venue (lost answer): same client order id, so a resubmit cannot duplicate
                        ? submitted(open, exchange.submit(open.request()))
                        : syncWithVenue(open, venue);
                orders.add(after);
            }
        }

        /**
         * Brings an order in line with the venue: acknowledge it if the venue holds it, book the venue's
         * fills, then take over a terminal CANCELLED/REJECTED (fills first: a cancel may follow a partial fill).
         */
        private Order syncWithVenue(Order o, Optional<ExchangeOrderState> venue) {
            if (venue.isEmpty()) {
                return o;
            }
            Order cur = o;
            if (cur.status() == OrderStatus.NEW && venue.get().status() != OrderStatus.REJECTED) {
                cur = move(cur, new OrderEvent.Acknowledged());
            }
            if (cur.status().isOpen() && cur.status() != OrderStatus.NEW) {
                cur = book.bookFills(cur, exchange.fills(cur.request().clientOrderId()), currentTierOrNormal());
            }
            return adoptVenueStatus(cur, venue.get());
        }

        private DrawdownTier currentTierOrNormal() {
            return assessment == null ? previousTier : assessment.state().tier();
        }

        private void cancelOpenOrders() {
            List<Order> still = new ArrayList<>();
            for (Order o : orders) {
                if (o.status().isOpen()) {
                    ExchangeOrderState s = exchange.cancel(o.request().clientOrderId());
                    book.event(RiskEventType.ORDER_CANCELLED, currentTierOrNormal(), o.request().asset(), o.request().orderId(),
                            "drawdown-halt", "order " + o.request().clientOrderId() + " cancelled by halt, venue status " + s.status());
                    still.add(syncWithVenue(o, Optional.of(s)));
                } else {
                    still.add(o);
                }
            }
            orders.clear();
            orders.addAll(still);
        }

        private List<FeatureVector> features() {
            List<FeatureVector> out = new ArrayList<>();
            for (AssetInputs in : inputs) {
                if (in.fresh()) {
                    List<Candle> c = in.candles();
                    List<Candle> window = c.subList(Math.max(0, c.size() - featureEngine.lookbackBars()), c.size());
                    out.add(featureEngine.compute(in.asset().id(), key.hour(), window, in.book()));
                }
            }
            decisions.recordFeatures(key, out);
            hashes = hashes.with(CycleStep.FEATURES, Canonical.sha256(out));
            return out;
        }

        private SortedMap<AssetId, StackPrediction> predictions(List<FeatureVector> features) {
            SortedMap<AssetId, StackPrediction> out = new TreeMap<>();
            for (FeatureVector f : features) {
                out.put(f.asset(), models.predict(f));
            }
            decisions.recordModelOutputs(key, out);
            hashes = hashes.with(CycleStep.MODELS, Canonical.sha256(out));
            return out;
        }

        private List<TradeSignal> signals(SortedMap<AssetId, StackPrediction> predictions, BigDecimal equity) {
            SignalPolicy policy = new SignalPolicy(signalConfig);
            boolean halted = assessment.state().halted();
            List<TradeSignal> out = new ArrayList<>();
            for (AssetInputs in : inputs) {
                AssetId id = in.asset().id();
                Position pos = book.portfolio().position(id);
                boolean holding = holdsSellable(in.asset(), pos);
                SignalDecision d;
                if (halted && holding) {
                    var meta = Optional.ofNullable(predictions.get(id)).flatMap(p -> p.meta(signalConfig.decisionHorizon()));
                    d = new SignalDecision(SignalAction.EXIT, Decimals.ZERO, signalConfig.decisionHorizon(),
                            meta.map(m -> m.probability()).orElse(0.0), meta.map(m -> m.expectedReturn()).orElse(0.0),
                            regimeOf(predictions, id), signalConfig.roundTripCost(in.spreadBps()), "trading halted: close position");
                } else if (!predictions.containsKey(id)) {
                    BigDecimal value = pos.isFlat() ? Decimals.ZERO : pos.marketValue(marks.get(id));
                    d = new SignalDecision(SignalAction.HOLD, value, signalConfig.decisionHorizon(), 0.0, 0.0,
                            "unknown", signalConfig.roundTripCost(in.spreadBps()), "no fresh data at " + key.hour());
                } else {
                    // dust is decided on as flat: an EXIT of it would only be refused, and it must not block the next ENTER
                    BigDecimal qty = holding ? pos.quantity() : Decimals.ZERO;
                    BigDecimal value = holding ? pos.marketValue(marks.get(id)) : Decimals.ZERO;
                    d = policy.decide(new SignalInput(id, key.hour(), predictions.get(id), qty, value, equity, in.spreadBps()));
                }
                out.add(TradeSignal.of(key, id, d));
            }
            decisions.recordSignals(key, out);
            hashes = hashes.with(CycleStep.SIGNALS, Canonical.sha256(out));
            return out;
        }

        /**
         * Holds {@code pos} and the venue could sell it at this hour's mark. A remainder too small to sell (dust, e.g.
         * what a fee charged in the base asset leaves below one lot step) is held but not sellable. Without a mark the
         * venue cannot be asked, so any holding counts (no order is sized without a mark anyway).
         */
        private boolean holdsSellable(Asset asset, Position pos) {
            if (pos.isFlat()) {
                return false;
            }
            BigDecimal mark = marks.get(asset.id());
            return mark == null || exchange.sellableQuantity(asset, pos.quantity(), mark).signum() > 0;
        }

        private String regimeOf(SortedMap<AssetId, StackPrediction> predictions, AssetId id) {
            StackPrediction p = predictions.get(id);
            return p == null ? "unknown" : p.regime().regime();
        }

        /** Exits first (they never need cash), then entries in asset order, each reserving its cash. */
        private List<RiskDecision> risk(List<TradeSignal> signals) {
            RiskCheck check = RiskCheck.standard();
            RiskHourlyState rs = assessment.state();
            BigDecimal cashAvailable = book.ledger().balance();
            List<RiskDecision> verdicts = new ArrayList<>();
            List<Order> placed = new ArrayList<>();
            for (OrderSide side : List.of(OrderSide.SELL, OrderSide.BUY)) {
                for (TradeSignal s : signals) {
                    Optional<OrderIntent> intent = intentFor(s, side, cashAvailable);
                    if (intent.isEmpty()) {
                        continue;
                    }
                    RiskContext ctx = new RiskContext(rs.tier(), config.drawdown().action(rs.tier()), rs.halted(), cashAvailable,
                            signalConfig.feeRate());
                    RiskDecision v = check.check(intent.get(), ctx);
                    verdicts.add(v);
                    Asset asset = assetOf(s.asset());
                    if (v instanceof RiskDecision.Denied d) {
                        book.event(d.type(), rs.tier(), asset, null, d.rule(), d.reason());
                        continue;
                    }
                    OrderIntent ok = ((RiskDecision.Approved) v).intent();
                    Optional<OrderRequest> req = request(s, asset, ok, cashAvailable);
                    if (req.isPresent()) {
                        BigDecimal n = req.get().requestedNotional();
                        BigDecimal fee = side == OrderSide.BUY ? OrderSizing.feeEstimate(n, signalConfig.feeRate()) : Decimals.ZERO;
                        placed.add(Order.placed(req.get(), fee, book.portfolio().position(s.asset()).quantity()));
                        if (side == OrderSide.BUY) {
                            cashAvailable = cashAvailable.subtract(n).subtract(fee);
                        }
                    }
                }
            }
            List<RiskEvent> events = new ArrayList<>(assessment.events());
            events.addAll(book.events());
            decisions.recordRiskEvents(key, events);
            hashes = hashes.with(CycleStep.RISK, Canonical.sha256(List.of(rs, verdicts, events)));
            execution.recordOrders(key, placed);
            orders.addAll(placed);
            hashes = hashes.with(CycleStep.ORDERS, Canonical.sha256(placed));
            return verdicts;
        }

        private Optional<OrderIntent> intentFor(TradeSignal s, OrderSide side, BigDecimal cashAvailable) {
            BigDecimal mark = marks.get(s.asset());
            if (mark == null) {
                return Optional.empty();
            }
            SignalAction a = s.decision().action();
            Position pos = book.portfolio().position(s.asset());
            if (side == OrderSide.SELL && a == SignalAction.EXIT && holdsSellable(assetOf(s.asset()), pos)) {
                return Optional.of(new OrderIntent(s.asset(), OrderSide.SELL, pos.marketValue(mark), mark));
            }
            if (side == OrderSide.BUY && a == SignalAction.ENTER) {
                BigDecimal affordable = OrderSizing.affordableNotional(cashAvailable, signalConfig.feeRate(), signalConfig.priceBufferRate());
                BigDecimal n = s.decision().targetNotional().min(affordable);
                if (n.compareTo(signalConfig.minOrderNotional()) < 0 || n.signum() <= 0) {
                    return Optional.empty();
                }
                return Optional.of(new OrderIntent(s.asset(), OrderSide.BUY, n, mark));
            }
            return Optional.empty();
        }

        private Optional<OrderRequest> request(TradeSignal s, Asset asset, OrderIntent ok, BigDecimal cashAvailable) {
            BigDecimal qty = ok.side() == OrderSide.SELL ? book.portfolio().position(s.asset()).quantity()
                    : OrderSizing.quantity(ok.notional(), ok.referencePrice());
            if (qty.signum() <= 0) {
                return Optional.empty();
            }
            BigDecimal notional = Decimals.multiply(qty, ok.referencePrice());
            if (notional.signum() <= 0) {
                return Optional.empty();
            }
            var orderId = DeterministicIds.orderId(key.runId(), s.signalId());
            // rounded to the venue's lot rules before it is recorded, so the stored order is the one the venue receives
            return Optional.of(exchange.conform(new OrderRequest(orderId, ClientOrderId.forSignal(key.runId(), s.signalId()), key.runId(),
                    s.signalId(), key.account(), asset, ok.side(), OrderType.MARKET, qty, null, notional, Decimals.value(cashAvailable),
                    key.hour())));
        }

        private Asset assetOf(AssetId id) {
            return inputs.stream().map(AssetInputs::asset).filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        }

        private void submitAndBook() {
            List<Order> after = new ArrayList<>();
            for (Order o : orders) {
                Order cur = o;
                if (o.request().hour().equals(key.hour()) && o.status() == OrderStatus.NEW) {
                    cur = submitted(o, exchange.submit(o.request()));
                }
                after.add(cur);
            }
            orders.clear();
            orders.addAll(after);
            hashes = hashes.with(CycleStep.FILLS, Canonical.sha256(book.fills()));
            hashes = hashes.with(CycleStep.LEDGER, Canonical.sha256(book.cashEntries()));
        }

        private Order submitted(Order o, SubmitResult result) {
            Asset asset = o.request().asset();
            if (result instanceof SubmitResult.Accepted acc) {
                return syncWithVenue(o, Optional.of(acc.state()));
            }
            if (result instanceof SubmitResult.Rejected rej) {
                book.event(RiskEventType.ORDER_REJECTED, currentTierOrNormal(), asset, o.request().orderId(), "venue",
                        rej.reason() + ": " + rej.message() + " (" + o.request().clientOrderId() + ")");
                return move(o, new OrderEvent.Rejected(rej.reason() + ": " + rej.message()));
            }
            SubmitResult.Unknown unk = (SubmitResult.Unknown) result;
            Optional<ExchangeOrderState> q = exchange.query(o.request().clientOrderId());
            if (q.isPresent()) {
                return syncWithVenue(o, q);
            }
            book.event(RiskEventType.ORDER_UNKNOWN, currentTierOrNormal(), asset, o.request().orderId(), "venue",
                    "no answer for " + o.request().clientOrderId() + ": " + unk.why() + "; will query next hour");
            return o;
        }

        /**
         * Takes over the venue's non-fill status (ACK, CANCELLED, REJECTED). Fill-driven statuses come
         * only from booked fills, so a venue saying FILLED before we saw its trades leaves us at ACK. A
         * CANCELLED whose cumulative filled quantity is ahead of what we booked (the venue's trade list
         * lags its order) is not taken over yet: the order stays open and its trades are read next hour.
         */
        private Order adoptVenueStatus(Order o, ExchangeOrderState venue) {
            if (venue.status() == OrderStatus.CANCELLED && venue.filledQuantity().compareTo(o.filledQuantity()) > 0) {
                return o;
            }
            OrderEvent event = switch (venue.status()) {
                case NEW, ACK, PARTIAL, FILLED -> new OrderEvent.Acknowledged();
                case CANCELLED -> new OrderEvent.Cancelled("venue reports CANCELLED");
                case REJECTED -> new OrderEvent.Rejected(venue.rejectReason() + ": " + venue.rejectMessage());
            };
            if (OrderStateMachine.next(o.status(), event).isEmpty()) {
                return o;
            }
            if (event instanceof OrderEvent.Rejected) {
                book.event(RiskEventType.ORDER_REJECTED, currentTierOrNormal(), o.request().asset(), o.request().orderId(), "venue",
                        venue.rejectReason() + ": " + venue.rejectMessage() + " (" + o.request().clientOrderId() + ")");
            }
            return move(o, event);
        }

        private Order move(Order o, OrderEvent event) {
            Order after = o.on(event);
            String reason = event instanceof OrderEvent.Cancelled c ? c.reason() : event instanceof OrderEvent.Rejected r ? r.reason() : null;
            if (!execution.updateOrderStatus(o.request().orderId(), o.status(), after.status(), reason)) {
                // a resumed cycle replays from NEW while the store already moved on: fine if the stored
                // status is the target or lies beyond it
                OrderStatus stored = execution.order(o.request().orderId()).map(Order::status).orElseThrow();
                if (stored != after.status() && !reachable(after.status(), stored)) {
                    throw new IllegalStateException("order " + o.request().orderId() + " is " + stored
                            + " in the store, cannot move " + o.status() + " -> " + after.status());
                }
            }
            return after;
        }

        private boolean reachable(OrderStatus from, OrderStatus to) {
            return switch (from) {
                case NEW -> true;
                case ACK -> to != OrderStatus.NEW;
                case PARTIAL -> to == OrderStatus.PARTIAL || to == OrderStatus.FILLED || to == OrderStatus.CANCELLED;
                case FILLED, CANCELLED, REJECTED -> to == from;
            };
        }

        private HourlyState state() {
            Portfolio p = book.portfolio();
            BigDecimal cash = book.ledger().balance();
            RiskAssessment end = monitor.assess(key.account(), key.hour(), assessment.state().riskState(),
                    cash.add(p.marketValue(marks)), Optional.empty());
            PortfolioState ps = PortfolioState.of(key.hour(), cash, p.marketValue(marks), assessment.state().peakEquity());
            List<PositionState> positions = p.states(key.hour(), marks);
            HourlyState state = new HourlyState(key.hour(), positions, ps, end.state());
            List<RiskEvent> stateEvents = new ArrayList<>(end.events());
            stateEvents.addAll(becameDust(positions, end.state().tier()));
            book.events().addAll(stateEvents);
            decisions.recordRiskEvents(key, book.events());
            states.recordHourlyState(key, state);
            // without dust the list equals end.events(), so the hashes of venues without lot rules are unchanged
            hashes = hashes.with(CycleStep.STATE, Canonical.sha256(List.of(state, stateEvents)));
            return state;
        }

        /**
         * One SIZE_REDUCED event (rule "dust") per position that ends this hour as dust but did not end the previous
         * state so (at that state's mark): the operator learns once that the remainder stays held and is decided on as
         * flat, instead of a refused EXIT every hour.
         */
        private List<RiskEvent> becameDust(List<PositionState> positions, DrawdownTier tier) {
            List<RiskEvent> out = new ArrayList<>();
            for (PositionState now : positions) {
                if (!isDust(now) || previous.flatMap(s -> s.positions().stream().filter(x -> x.asset().equals(now.asset())).findFirst())
                        .map(this::isDust).orElse(false)) {
                    continue;
                }
                Asset asset = assetOf(now.asset());
                out.add(RiskEvent.of(key.account(), key.hour(), RiskEventType.SIZE_REDUCED, tier, asset.id(), "dust",
                        now.quantity().stripTrailingZeros().toPlainString() + " " + asset.base() + " worth "
                                + now.marketValue().stripTrailingZeros().toPlainString() + " " + asset.quote() + " at "
                                + now.markPrice().stripTrailingZeros().toPlainString() + " is below what the venue sells (lot step,"
                                + " minimum quantity or notional): kept in the position and equity, decided on as flat"));
            }
            return out;
        }

        private boolean isDust(PositionState s) {
            return s.quantity().signum() > 0 && s.markPrice().signum() > 0
                    && exchange.sellableQuantity(assetOf(s.asset()), s.quantity(), s.markPrice()).signum() == 0;
        }
    }
}
