package io.tradingcore.ports.out;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** A trading venue (simulated for BACKTEST/PAPER, real for LIVE). Venue types never cross this port. */
public interface ExchangeGateway {
    /**
     * The order as this venue will take it, for the cycle to record and then submit (so the stored order is what the
     * venue receives): quantity rounded DOWN to the venue's lot step, a limit price moved onto its tick grid (BUY
     * down, SELL up), the requested notional recomputed for the new quantity; same ids, side, type and hour. Never
     * larger than {@code o}: a BUY never needs more cash than decided (no leverage) and a SELL never sells more than
     * held. When rounding would leave nothing tradable (zero, or below the venue's minimum quantity) {@code o} is
     * returned unchanged, and {@link #submit} then refuses it as {@link SubmitResult.Rejected} with the reason, so the
     * refusal is recorded, never skipped silently. The default, for venues without trading rules, returns {@code o}.
     * Does not throw for venue-side problems (rules that cannot be read leave {@code o} unchanged).
     */
    default OrderRequest conform(OrderRequest o) {
        return o;
    }

    /**
     * How much of a holding of {@code quantity} {@code asset} a MARKET SELL priced at {@code price} could sell on this
     * venue: {@code quantity} rounded DOWN to the lot step as {@link #conform} would round it, or zero when that is below
     * the venue's minimum quantity or its notional at {@code price} is below the minimum notional. Zero for a positive
     * {@code quantity} means the holding is <em>dust</em>: real, but not sellable until more is bought, so the cycle
     * counts it as flat for its decisions instead of sending an EXIT that {@link #submit} would refuse. Never more than
     * {@code quantity}, never negative. The default, for venues without trading rules, returns {@code quantity}: nothing
     * is dust. Does not throw for venue-side problems (rules that cannot be read return {@code quantity}, so an EXIT is
     * still attempted and any refusal recorded).
     *
     * @throws IllegalArgumentException if {@code quantity} is negative or {@code price} is not positive
     */
    default BigDecimal sellableQuantity(Asset asset, BigDecimal quantity, BigDecimal price) {
        if (quantity.signum() < 0 || price.signum() <= 0) {
            throw new IllegalArgumentException("sellableQuantity of " + asset.symbol() + " needs quantity >= 0 and price > 0, got "
                    + quantity.toPlainString() + " at " + price.toPlainString());
        }
        return quantity;
    }

    /**
     * Places an order. Idempotent per {@link OrderRequest#clientOrderId()}: submitting the same client
     * order id again never creates a second order; it returns the existing order's state as Accepted.
     * Expected refusals are {@link SubmitResult.Rejected}; a lost answer is {@link SubmitResult.Unknown}.
     * Does not throw for venue-side problems.
     */
    SubmitResult submit(OrderRequest o);

    /**
     * Cancels an open order and returns its state after the cancel (FILLED if it filled first;
     * cancelling a terminal order returns its terminal state unchanged).
     *
     * @throws java.util.NoSuchElementException if the venue does not know the id
     */
    ExchangeOrderState cancel(ClientOrderId id);

    /** The venue's current view of an order, or empty if it does not know the id. */
    Optional<ExchangeOrderState> query(ClientOrderId id);

    /**
     * Every trade of the order so far, each once, ordered by trade time then trade id. Calling again
     * returns the same trades (plus new ones); de-duplication on our side is by exchange trade id.
     */
    List<ExchangeFill> fills(ClientOrderId id);

    /** Free balances by asset code (e.g. "USDT", "BTC"), sorted. */
    SortedMap<String, BigDecimal> balances();
}
