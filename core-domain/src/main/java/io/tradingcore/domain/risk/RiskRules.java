package io.tradingcore.domain.risk;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.OrderSide;
import java.math.BigDecimal;
import java.util.List;

/** The standard rules. Exits (SELL) always pass: reducing risk is never blocked. */
public final class RiskRules {
    private RiskRules() {
    }

    /** halt, exits-only, drawdown size factor, no leverage: in this order. */
    public static List<RiskRule> standard() {
        return List.of(new TradingHalt(), new ExitsOnly(), new DrawdownSize(), new NoLeverage());
    }

    /** While halted, no entry. */
    public static final class TradingHalt implements RiskRule {
        @Override
        public String name() {
            return RuleId.TRADING_HALT.id();
        }

        @Override
        public RuleOutcome apply(OrderIntent intent, RiskContext ctx) {
            if (intent.side() == OrderSide.BUY && ctx.halted()) {
                return new RuleOutcome.Deny(RiskEventType.ENTRY_BLOCKED, "trading is halted until an operator reset");
            }
            return new RuleOutcome.Pass(intent, null);
        }
    }

    /** A tier that forbids entries (DD15 by default) lets only exits through. */
    public static final class ExitsOnly implements RiskRule {
        @Override
        public String name() {
            return RuleId.EXITS_ONLY.id();
        }

        @Override
        public RuleOutcome apply(OrderIntent intent, RiskContext ctx) {
            if (intent.side() == OrderSide.BUY && !ctx.action().entriesAllowed()) {
                return new RuleOutcome.Deny(RiskEventType.ENTRY_BLOCKED, "tier " + ctx.tier() + " allows exits only");
            }
            return new RuleOutcome.Pass(intent, null);
        }
    }

    /** Entries are scaled by the tier's size factor (DD10 halves them by default). */
    public static final class DrawdownSize implements RiskRule {
        @Override
        public String name() {
            return RuleId.DRAWDOWN_SIZE.id();
        }

        @Override
        public RuleOutcome apply(OrderIntent intent, RiskContext ctx) {
            BigDecimal f = ctx.action().newSizeFactor();
            if (intent.side() == OrderSide.SELL || f.compareTo(BigDecimal.ONE) == 0) {
                return new RuleOutcome.Pass(intent, null);
            }
            BigDecimal scaled = intent.notional().multiply(f).setScale(Decimals.SCALE, java.math.RoundingMode.DOWN);
            if (scaled.signum() == 0) {
                return new RuleOutcome.Deny(RiskEventType.ENTRY_BLOCKED, "tier " + ctx.tier() + " size factor leaves nothing");
            }
            return new RuleOutcome.Pass(intent.withNotional(scaled), "tier " + ctx.tier() + " scaled entry by "
                    + f.stripTrailingZeros().toPlainString() + " to " + scaled.toPlainString());
        }
    }

    /** notional + estimated fee must not exceed the cash available before the order. */
    public static final class NoLeverage implements RiskRule {
        @Override
        public String name() {
            return RuleId.NO_LEVERAGE.id();
        }

        @Override
        public RuleOutcome apply(OrderIntent intent, RiskContext ctx) {
            if (intent.side() == OrderSide.SELL) {
                return new RuleOutcome.Pass(intent, null);
            }
            BigDecimal needed = intent.notional().add(OrderSizing.feeEstimate(intent.notional(), ctx.feeRate()));
            if (needed.compareTo(ctx.cashAvailable()) > 0) {
                return new RuleOutcome.Deny(RiskEventType.NO_LEVERAGE_BREACH, "no-leverage rule: requested "
                        + intent.notional().toPlainString() + " + fee " + OrderSizing.feeEstimate(intent.notional(), ctx.feeRate()).toPlainString()
                        + " > cash " + ctx.cashAvailable().toPlainString());
            }
            return new RuleOutcome.Pass(intent, null);
        }
    }
}
