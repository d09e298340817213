package io.tradingcore.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/** Top of book at one instant; usable at decision hour H iff snapshotTs &lt;= H. */
public record BookSnapshot(AssetId asset, Instant snapshotTs, BigDecimal bestBid, BigDecimal bestAsk,
                           BigDecimal bidSize, BigDecimal askSize, String venue) {
    public BookSnapshot {
        Objects.requireNonNull(asset, "book.asset");
        Objects.requireNonNull(snapshotTs, "book.snapshotTs");
        Objects.requireNonNull(venue, "book.venue");
        bestBid = Decimals.exact(bestBid, "book.bestBid");
        bestAsk = Decimals.exact(bestAsk, "book.bestAsk");
        bidSize = Decimals.exact(bidSize, "book.bidSize");
        askSize = Decimals.exact(askSize, "book.askSize");
        if (bestBid.signum() <= 0) {
            throw new IllegalArgumentException("book bestBid must be > 0 at " + snapshotTs);
        }
        if (bestAsk.compareTo(bestBid) < 0) {
            throw new IllegalArgumentException("book bestAsk " + bestAsk.toPlainString() + " < bestBid " + bestBid.toPlainString() + " at " + snapshotTs);
        }
        if (bidSize.signum() < 0 || askSize.signum() < 0) {
            throw new IllegalArgumentException("book sizes must be >= 0 at " + snapshotTs);
        }
        if (venue.isBlank()) {
            throw new IllegalArgumentException("book venue must not be blank");
        }
    }

    /** Spread in basis points of the bid, at scale 8 like the schema's NUMERIC(12,8) generated column. */
    public BigDecimal spreadBps() {
        return bestAsk.subtract(bestBid).multiply(BigDecimal.valueOf(10_000)).divide(bestBid, 8, RoundingMode.HALF_EVEN);
    }

    /** Mid price at scale 18. */
    public BigDecimal mid() {
        return Decimals.value(bestBid.add(bestAsk).divide(BigDecimal.valueOf(2)));
    }

    /** The hour bucket the snapshot belongs to (floor of snapshotTs). */
    public HourTs hour() {
        return HourTs.floor(snapshotTs);
    }
}
