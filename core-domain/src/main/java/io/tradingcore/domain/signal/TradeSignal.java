package io.tradingcore.domain.signal;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.SignalId;
import io.tradingcore.domain.run.RunKey;
import java.util.Objects;

/** A recorded signal (trade_signal): the decision for one asset in one run, with its deterministic id. */
public record TradeSignal(SignalId signalId, RunId runId, AssetId asset, HourTs hour, SignalDecision decision) {
    public TradeSignal {
        Objects.requireNonNull(signalId, "signal.signalId");
        Objects.requireNonNull(runId, "signal.runId");
        Objects.requireNonNull(asset, "signal.asset");
        Objects.requireNonNull(hour, "signal.hour");
        Objects.requireNonNull(decision, "signal.decision");
    }

    public static TradeSignal of(RunKey key, AssetId asset, SignalDecision decision) {
        return new TradeSignal(DeterministicIds.signalId(key.runId(), asset), key.runId(), asset, key.hour(), decision);
    }
}
