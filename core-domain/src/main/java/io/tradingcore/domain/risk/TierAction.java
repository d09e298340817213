package io.tradingcore.domain.risk;

import io.tradingcore.domain.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a drawdown tier does to trading: the factor applied to new (entry) sizes, whether entries are
 * allowed at all, and whether the tier flattens the book and halts until an operator reset.
 */
public record TierAction(BigDecimal newSizeFactor, boolean entriesAllowed, boolean flattenAndHalt) {
    public TierAction {
        Objects.requireNonNull(newSizeFactor, "newSizeFactor");
        newSizeFactor = Decimals.value(newSizeFactor);
    }

    /** The trading state this action puts the account in. */
    public TradingState tradingState() {
        if (flattenAndHalt) {
            return TradingState.HALTED;
        }
        return entriesAllowed && newSizeFactor.compareTo(BigDecimal.ONE) == 0 ? TradingState.ACTIVE : TradingState.REDUCING;
    }
}
