package io.tradingcore.adapter.postgres;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Domain values to column values and back where the column type is not the domain type (ids, hours,
 * microsecond instants, NUMERIC scale). Enum columns need nothing here: the generated jOOQ fields carry
 * the domain enums themselves (forcedType + EnumConverter in {@code src/jooq/codegen.xml}).
 */
final class Conv {
    private Conv() {
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
