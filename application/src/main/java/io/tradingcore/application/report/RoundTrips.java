package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trades grouped into round trips per asset (long only): a trip opens with the first BUY from flat and closes with
 * the SELL that brings the position back to flat (a remainder under one millionth of what was bought counts as flat:
 * dust the venue cannot sell). A trip still holding at the end is open.
 */
final class RoundTrips {
    private static final BigDecimal DUST_SHARE = new BigDecimal("0.000001");

    private RoundTrips() {
    }

    /**
     * One round trip. Prices are quantity-weighted averages; {@code realisedPnl} is the sum the ledger recorded on its
     * sells (whether net of fees is the ledger's convention), {@code fees} every fee of the trip.
     */
    record Trip(String asset, Instant entry, BigDecimal entryPrice, Instant exit, BigDecimal exitPrice, BigDecimal quantity,
                BigDecimal fees, BigDecimal realisedPnl, int fills) {
        boolean open() {
            return exit == null;
        }

        /** Hours from entry to exit (or to {@code end} while open). */
        long holdingHours(Instant end) {
            return Duration.between(entry, open() ? end : exit).toHours();
        }
    }

    static List<Trip> of(List<TradeRecord> trades) {
        Map<String, List<TradeRecord>> byAsset = new TreeMap<>();
        trades.stream().sorted(Comparator.comparing(TradeRecord::time)).forEach(t -> byAsset.computeIfAbsent(t.asset(), a -> new ArrayList<>()).add(t));
        List<Trip> out = new ArrayList<>();
        for (Map.Entry<String, List<TradeRecord>> e : byAsset.entrySet()) {
            Acc acc = null;
            for (TradeRecord t : e.getValue()) {
                if (acc == null) {
                    if (!"BUY".equals(t.side())) {
                        continue; // a sell with nothing open in the window: held before it, not a trip of this report
                    }
                    acc = new Acc(t.time());
                }
                acc.add(t);
                if (acc.flat()) {
                    out.add(acc.trip(e.getKey(), t.time()));
                    acc = null;
                }
            }
            if (acc != null) {
                out.add(acc.trip(e.getKey(), null));
            }
        }
        out.sort(Comparator.comparing(Trip::entry).thenComparing(Trip::asset));
        return out;
    }

    private static final class Acc {
        final Instant entry;
        BigDecimal bought = BigDecimal.ZERO;
        BigDecimal boughtNotional = BigDecimal.ZERO;
        BigDecimal sold = BigDecimal.ZERO;
        BigDecimal soldNotional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
        int fills;

        Acc(Instant entry) {
            this.entry = entry;
        }

        void add(TradeRecord t) {
            fills++;
            fees = fees.add(t.fee());
            if ("BUY".equals(t.side())) {
                bought = bought.add(t.quantity());
                boughtNotional = boughtNotional.add(t.notional());
            } else {
                sold = sold.add(t.quantity());
                soldNotional = soldNotional.add(t.notional());
                if (t.realisedPnl() != null) {
                    pnl = pnl.add(t.realisedPnl());
                }
            }
        }

        boolean flat() {
            return sold.signum() > 0 && bought.subtract(sold).compareTo(bought.multiply(DUST_SHARE)) <= 0;
        }

        Trip trip(String asset, Instant exit) {
            return new Trip(asset, entry, avg(boughtNotional, bought), exit, exit == null ? null : avg(soldNotional, sold), bought,
                    fees, pnl, fills);
        }

        private static BigDecimal avg(BigDecimal notional, BigDecimal qty) {
            return qty.signum() == 0 ? null : notional.divide(qty, MathContext.DECIMAL64).setScale(8, RoundingMode.HALF_EVEN);
        }
    }
}
