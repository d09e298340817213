package io.tradingcore.adapter.postgres;

import io.tradingcore.adapter.postgres.jooq.enums.DrawdownTierEnum;
import io.tradingcore.adapter.postgres.jooq.enums.HorizonEnum;
import io.tradingcore.adapter.postgres.jooq.enums.ModelRoleEnum;
import io.tradingcore.adapter.postgres.jooq.enums.OrderSideEnum;
import io.tradingcore.adapter.postgres.jooq.enums.OrderStatusEnum;
import io.tradingcore.adapter.postgres.jooq.enums.OrderTypeEnum;
import io.tradingcore.adapter.postgres.jooq.enums.RunModeEnum;
import io.tradingcore.adapter.postgres.jooq.enums.SignalActionEnum;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Domain values to column values and back. The jOOQ enums mirror the domain enums name for name (both
 * follow the DDL), so the mapping is by name; anything else (a renamed constant) fails loudly.
 */
final class Conv {
    private Conv() {
    }

    static RunModeEnum mode(RunMode m) {
        return RunModeEnum.valueOf(m.name());
    }

    static RunMode mode(RunModeEnum m) {
        return RunMode.valueOf(m.name());
    }

    static HorizonEnum horizon(Horizon h) {
        return h == null ? null : HorizonEnum.valueOf(h.name());
    }

    static Horizon horizon(HorizonEnum h) {
        return h == null ? null : Horizon.valueOf(h.name());
    }

    static ModelRoleEnum role(ModelRole r) {
        return ModelRoleEnum.valueOf(r.name());
    }

    static ModelRole role(ModelRoleEnum r) {
        return ModelRole.valueOf(r.name());
    }

    static SignalActionEnum action(SignalAction a) {
        return SignalActionEnum.valueOf(a.name());
    }

    static SignalAction action(SignalActionEnum a) {
        return SignalAction.valueOf(a.name());
    }

    static OrderSideEnum side(OrderSide s) {
        return OrderSideEnum.valueOf(s.name());
    }

    static OrderSide side(OrderSideEnum s) {
        return OrderSide.valueOf(s.name());
    }

    static OrderTypeEnum type(OrderType t) {
        return OrderTypeEnum.valueOf(t.name());
    }

    static OrderType type(OrderTypeEnum t) {
        return OrderType.valueOf(t.name());
    }

    static OrderStatusEnum status(OrderStatus s) {
        return OrderStatusEnum.valueOf(s.name());
    }

    static OrderStatus status(OrderStatusEnum s) {
        return OrderStatus.valueOf(s.name());
    }

    static DrawdownTierEnum tier(DrawdownTier t) {
        return t == null ? null : DrawdownTierEnum.valueOf(t.name());
    }

    static DrawdownTier tier(DrawdownTierEnum t) {
        return t == null ? null : DrawdownTier.valueOf(t.name());
    }

    static short id(AccountId a) {
        return a.value();
    }

    static short id(AssetId a) {
        return a.value();
    }

    static AssetId asset(Short s) {
        return s == null ? null : new AssetId(s);
    }

    static Instant hour(HourTs h) {
        return h.toInstant();
    }

    static HourTs hour(Instant i) {
        return HourTs.of(i);
    }

    /** TIMESTAMPTZ keeps microseconds: a finer instant is truncated so that a replay compares equal. */
    static Instant ts(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS);
    }

    /** A model output (double) as NUMERIC(38,18), HALF_EVEN. */
    static BigDecimal num(double d) {
        return BigDecimal.valueOf(d).setScale(Decimals.SCALE, RoundingMode.HALF_EVEN);
    }

    /** A stored NUMERIC at the domain's scale (18), exact. */
    static BigDecimal dec(BigDecimal v) {
        return v == null ? null : Decimals.exact(v, "stored value");
    }
}
