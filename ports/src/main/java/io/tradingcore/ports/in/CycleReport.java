package io.tradingcore.ports.in;

import io.tradingcore.domain.RunId;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.HourlyState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one cycle did. For {@link Outcome#ALREADY_FINISHED} and {@link Outcome#BUSY} nothing ran and the
 * lists are empty; {@code state} is the end-of-hour state when the cycle completed.
 */
public record CycleReport(RunId runId, Outcome outcome, StepHashes stepHashes, List<TradeSignal> signals,
                          List<Order> orders, List<RiskEvent> riskEvents, Optional<HourlyState> state) {
    public CycleReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stepHashes, "stepHashes");
        signals = List.copyOf(signals);
        orders = List.copyOf(orders);
        riskEvents = List.copyOf(riskEvents);
        Objects.requireNonNull(state, "state");
    }

    /**
     * The orders placed at {@code hour}, this cycle's own. {@link #orders()} also holds the orders of earlier hours
     * that this cycle reconciled (an order placed at h is still open when h's cycle ends and is synced at h+1):
     * summing {@code orders().size()} over hours counted each order twice (issue 17, item 12).
     */
    public long ordersPlacedAt(io.tradingcore.domain.HourTs hour) {
        return orders.stream().filter(o -> o.request().hour().equals(hour)).count();
    }

    /** How the cycle ended. */
    public enum Outcome {
        /** Ran every step; run_context COMPLETED. */
        COMPLETED,
        /** No usable data for any asset at this hour (e.g. an exchange outage); run_context SKIPPED. */
        SKIPPED_NO_DATA,
        /** The hour was already COMPLETED or SKIPPED earlier; nothing ran (reported as SKIPPED). */
        ALREADY_FINISHED,
        /** Another live process is running this hour; nothing ran. */
        BUSY
    }
}
