package io.tradingcore.domain.risk;

import io.tradingcore.domain.DrawdownTier;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What each drawdown tier does. Defaults: NORMAL full size; DD10 halves new sizes; DD15 exits only;
 * HALT20 cancels open orders, closes positions and halts until an operator reset. Refused at
 * construction, naming the key: a size factor outside [0, 1] (above 1 would be leverage), a factor
 * that grows with a deeper tier, entries allowed where the factor is 0 or in a deeper tier than one
 * that forbids them, and a HALT20 that does not halt (the schema's ck_risk_hourly_state_dd20_halt).
 */
public record DrawdownPolicy(TierAction normal, TierAction dd10, TierAction dd15, TierAction halt20) {
    public DrawdownPolicy {
        Objects.requireNonNull(normal, "risk.normal");
        Objects.requireNonNull(dd10, "risk.dd10");
        Objects.requireNonNull(dd15, "risk.dd15");
        Objects.requireNonNull(halt20, "risk.halt20");
        TierAction[] all = {normal, dd10, dd15, halt20};
        String[] keys = {"risk.normal", "risk.dd10", "risk.dd15", "risk.halt20"};
        for (int i = 0; i < all.length; i++) {
            BigDecimal f = all[i].newSizeFactor();
            if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(keys[i] + ".newSizeFactor must be in [0, 1] (no leverage), was " + f.stripTrailingZeros().toPlainString());
            }
            if (all[i].entriesAllowed() && f.signum() == 0) {
                throw new IllegalArgumentException(keys[i] + ".entriesAllowed is true but newSizeFactor is 0");
            }
            if (i > 0 && f.compareTo(all[i - 1].newSizeFactor()) > 0) {
                throw new IllegalArgumentException(keys[i] + ".newSizeFactor must not exceed " + keys[i - 1] + ".newSizeFactor");
            }
            if (i > 0 && all[i].entriesAllowed() && !all[i - 1].entriesAllowed()) {
                throw new IllegalArgumentException(keys[i] + ".entriesAllowed must be false when " + keys[i - 1] + " forbids entries");
            }
        }
        if (!halt20.flattenAndHalt() || halt20.entriesAllowed()) {
            throw new IllegalArgumentException("risk.halt20 must halt and forbid entries (a 20% drawdown is a hard stop)");
        }
        if (normal.flattenAndHalt() || dd10.flattenAndHalt() || dd15.flattenAndHalt()) {
            throw new IllegalArgumentException("only risk.halt20 may flattenAndHalt");
        }
    }

    /** The defaults of the issue. */
    public static DrawdownPolicy defaults() {
        return new DrawdownPolicy(
                new TierAction(BigDecimal.ONE, true, false),
                new TierAction(new BigDecimal("0.5"), true, false),
                new TierAction(BigDecimal.ZERO, false, false),
                new TierAction(BigDecimal.ZERO, false, true));
    }

    /** The action of a tier. */
    public TierAction action(DrawdownTier tier) {
        return switch (tier) {
            case NORMAL -> normal;
            case DD10 -> dd10;
            case DD15 -> dd15;
            case HALT20 -> halt20;
        };
    }
}
