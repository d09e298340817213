package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small builders for test curves and trades. */
final class Curves {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /*
     * Hand-computed curve, initial capital 1000 at 00:00, one point per hour:
     *   hour  equity    exposure tier    return r_t
     *   01    1050      500      NORMAL  +0.05
     *   02     945      500      DD10    945/1050-1    = -0.10
     *   03     997.5      0      DD10    997.5/945-1   = +0.0555...
     *   04    1102.5      0      NORMAL  1102.5/997.5-1= +0.105263...
     *   05    1047.375  300      NORMAL  1047.375/1102.5-1 = -0.05
     *   06    1100      300      NORMAL  1100/1047.375-1   = +0.050244...
     * total return 1100/1000-1 = 0.10
     * max drawdown: peak 1050 (01), trough 945 (02): 105/1050 = 0.10; back to >= 1050 at 04 -> 3 hours.
     *   (the later fall 1102.5 -> 1047.375 is only 5%.)
     * exposure: hours 01,02,05,06 non-zero -> 4/6
     * tiers: NORMAL 4 h (4/6), DD10 2 h (2/6), DD15 0, HALT20 0
     * trades: notional 500 + 480 + 300 + 160 + 165 = 1605; fees 0.5+0.48+0.3+0.16+0.165 = 1.605
     *   closed (with PnL): -20, +10, +15 -> win rate 2/3, profit factor 25/20 = 1.25
     * average equity (1050+945+997.5+1102.5+1047.375+1100)/6 = 6242.375/6 -> turnover 1605*6/6242.375
     */
    static final List<EquityPoint> HAND_CURVE = List.of(
            point(1, "1050", "500", "NORMAL"),
            point(2, "945", "500", "DD10"),
            point(3, "997.5", "0", "DD10"),
            point(4, "1102.5", "0", "NORMAL"),
            point(5, "1047.375", "300", "NORMAL"),
            point(6, "1100", "300", "NORMAL"));
    static final List<TradeRecord> HAND_TRADES = List.of(
            buy(1, "BTC/USDT", "0.01", "50000", "0.5"),
            sell(3, "BTC/USDT", "0.01", "48000", "0.48", "-20"),
            buy(5, "ETH/USDT", "0.1", "3000", "0.3"),
            sell(6, "ETH/USDT", "0.05", "3200", "0.16", "10"),
            sell(6, "ETH/USDT", "0.05", "3300", "0.165", "15"));

    private Curves() {
    }

    static Instant h(int hoursAfterT0) {
        return T0.plusSeconds(3600L * hoursAfterT0);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static EquityPoint point(int hour, String equity, String exposure, String tier) {
        BigDecimal e = d(equity);
        return new EquityPoint(h(hour), e, e.subtract(d(exposure)), d(exposure), tier);
    }

    /** Points at hours 1..n (the start value sits at hour 0), no exposure, tier NORMAL. */
    static List<EquityPoint> flatExposureFree(String... equities) {
        List<EquityPoint> out = new ArrayList<>();
        for (int i = 0; i < equities.length; i++) {
            out.add(point(i + 1, equities[i], "0", "NORMAL"));
        }
        return out;
    }

    static TradeRecord buy(int hour, String asset, String qty, String price, String fee) {
        return new TradeRecord(h(hour), asset, "BUY", d(qty), d(price), d(fee), null);
    }

    static TradeRecord sell(int hour, String asset, String qty, String price, String fee, String pnl) {
        return new TradeRecord(h(hour), asset, "SELL", d(qty), d(price), d(fee), d(pnl));
    }
}
