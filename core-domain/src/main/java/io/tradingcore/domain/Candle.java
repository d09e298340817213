package io.tradingcore.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One hourly OHLCV bar. {@code openTime} is the start of the hour it covers; it is known only at
 * {@link #closeTime()}. Prices &gt; 0, low &lt;= open, close &lt;= high, volume &gt;= 0; values are exact at
 * scale 18 (never rounded).
 */
public record Candle(AssetId asset, HourTs openTime, BigDecimal open, BigDecimal high, BigDecimal low,
                     BigDecimal close, BigDecimal volume) {
    public Candle {
        Objects.requireNonNull(asset, "candle.asset");
        Objects.requireNonNull(openTime, "candle.openTime");
        open = Decimals.exact(open, "candle.open");
        high = Decimals.exact(high, "candle.high");
        low = Decimals.exact(low, "candle.low");
        close = Decimals.exact(close, "candle.close");
        volume = Decimals.exact(volume, "candle.volume");
        String at = " (asset " + asset + " at " + openTime + ")";
        if (open.signum() <= 0 || high.signum() <= 0 || low.signum() <= 0 || close.signum() <= 0) {
            throw new IllegalArgumentException("candle prices must be > 0" + at);
        }
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("candle low " + low.toPlainString() + " > high " + high.toPlainString() + at);
        }
        if (open.compareTo(low) < 0 || open.compareTo(high) > 0) {
            throw new IllegalArgumentException("candle open outside [low, high]" + at);
        }
        if (close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            throw new IllegalArgumentException("candle close outside [low, high]" + at);
        }
        if (volume.signum() < 0) {
            throw new IllegalArgumentException("candle volume must be >= 0" + at);
        }
    }

    /** Convenience for tests and parsers: decimal strings. */
    public static Candle of(AssetId asset, HourTs openTime, String open, String high, String low, String close, String volume) {
        return new Candle(asset, openTime, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), new BigDecimal(volume));
    }

    /** The instant this candle becomes known: openTime + 1h. */
    public HourTs closeTime() {
        return openTime.plusHours(1);
    }
}
