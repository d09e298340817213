package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Candle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Domain candles to model bars. */
final class DomainBars {

    private static final double[] POW10 = new double[23];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Double.parseDouble("1e" + i); // exact in binary up to 1e22
        }
    }

    private DomainBars() {
    }

    /**
     * unscaled / 10^scale in doubles: within one ulp of the exact value and much cheaper than
     * {@link BigDecimal#doubleValue()}, which formats and re-parses a scale-18 value with more than 18 digits.
     * Training and inference both go through here, so they see identical doubles.
     */
    static double toDouble(BigDecimal v) {
        int scale = v.scale();
        if (scale >= 0 && scale < POW10.length) {
            return v.unscaledValue().doubleValue() / POW10[scale];
        }
        return v.doubleValue();
    }

    static Bar bar(Candle c) {
        return new Bar(c.openTime().toInstant(), toDouble(c.open()), toDouble(c.high()), toDouble(c.low()),
                toDouble(c.close()), toDouble(c.volume()));
    }

    static List<Bar> bars(List<Candle> candles) {
        List<Bar> out = new ArrayList<>(candles.size());
        for (Candle c : candles) {
            out.add(bar(c));
        }
        return out;
    }
}
