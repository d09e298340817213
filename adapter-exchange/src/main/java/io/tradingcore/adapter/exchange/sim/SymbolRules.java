package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.VenueDecimals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A symbol's trading rules as Binance publishes them in exchangeInfo filters: PRICE_FILTER tickSize,
 * LOT_SIZE stepSize/minQty, NOTIONAL minNotional. {@code symbol} is ours ("BTC/USDT").
 */
public record SymbolRules(String symbol, String base, String quote, BigDecimal tickSize, BigDecimal stepSize,
                          BigDecimal minQty, BigDecimal minNotional) {
    public SymbolRules {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (!symbol.equals(base + "/" + quote)) {
            throw new IllegalArgumentException("symbol must be base/quote, got " + symbol + " for " + base + " and " + quote);
        }
        for (BigDecimal v : new BigDecimal[] {tickSize, stepSize, minQty, minNotional}) {
            if (v == null || v.signum() < 0) {
                throw new IllegalArgumentException("rules of " + symbol + " must be >= 0: tick " + tickSize + ", step "
                        + stepSize + ", minQty " + minQty + ", minNotional " + minNotional);
            }
        }
    }

    /**
     * {@code quantity} rounded DOWN to a whole number of LOT_SIZE steps, scale 18. Never up: a rounded BUY never
     * spends more than was decided (no leverage) and a rounded SELL never sells more than is held.
     */
    public BigDecimal floorQuantity(BigDecimal quantity) {
        return VenueDecimals.floorToStep(quantity, stepSize);
    }

    /**
     * {@code price} on the PRICE_FILTER tick grid, scale 18, rounded against the trader: a BUY limit down (never pays
     * more than decided), a SELL limit up (never sells for less than decided).
     */
    public BigDecimal tickPrice(BigDecimal price, boolean buy) {
        if (tickSize.signum() == 0) {
            return Decimals.value(price);
        }
        return Decimals.value(price.divide(tickSize, 0, buy ? RoundingMode.FLOOR : RoundingMode.CEILING).multiply(tickSize));
    }

    /** LOT_SIZE (minQty, stepSize) and, for a limit price (null for MARKET), PRICE_FILTER tickSize: the refusal, or empty. */
    public Optional<SubmitResult.Rejected> lotOrTickViolation(BigDecimal quantity, BigDecimal limitPrice) {
        if (quantity.compareTo(minQty) < 0 || quantity.signum() <= 0 || !VenueDecimals.isMultiple(quantity, stepSize)) {
            return Optional.of(new SubmitResult.Rejected(RejectReason.LOT_SIZE, "quantity " + quantity.stripTrailingZeros().toPlainString() + " of "
                    + symbol + " breaks LOT_SIZE (minQty " + minQty.toPlainString() + ", stepSize " + stepSize.toPlainString() + ")"));
        }
        if (limitPrice != null && !VenueDecimals.isMultiple(limitPrice, tickSize)) {
            return Optional.of(new SubmitResult.Rejected(RejectReason.TICK_SIZE, "limit price " + limitPrice.stripTrailingZeros().toPlainString()
                    + " of " + symbol + " is not a multiple of tickSize " + tickSize.toPlainString()));
        }
        return Optional.empty();
    }

    /** NOTIONAL (MIN_NOTIONAL): {@code quantity x price} below minNotional is refused. */
    public Optional<SubmitResult.Rejected> notionalViolation(BigDecimal quantity, BigDecimal price) {
        BigDecimal notional = Decimals.value(quantity.multiply(price));
        if (notional.compareTo(minNotional) < 0) {
            return Optional.of(new SubmitResult.Rejected(RejectReason.MIN_NOTIONAL, "notional " + notional.stripTrailingZeros().toPlainString()
                    + " of " + symbol + " is below minNotional " + minNotional.toPlainString()));
        }
        return Optional.empty();
    }

    /**
     * What a MARKET SELL of {@code quantity} priced at {@code price} can sell under these rules: {@code quantity} rounded
     * down to the step, or zero when that breaks LOT_SIZE (below minQty) or NOTIONAL: the whole holding is then dust.
     */
    public BigDecimal sellableQuantity(BigDecimal quantity, BigDecimal price) {
        BigDecimal qty = floorQuantity(quantity);
        return lotOrTickViolation(qty, null).isEmpty() && notionalViolation(qty, price).isEmpty() ? qty : Decimals.value(BigDecimal.ZERO);
    }

    /** Rules for "BASE/QUOTE" from decimal strings, e.g. {@code of("BTC/USDT", "0.01", "0.00001", "0.00001", "5")}. */
    public static SymbolRules of(String symbol, String tickSize, String stepSize, String minQty, String minNotional) {
        int slash = symbol.indexOf('/');
        if (slash <= 0 || slash == symbol.length() - 1) {
            throw new IllegalArgumentException("symbol must look like BASE/QUOTE, got " + symbol);
        }
        return new SymbolRules(symbol, symbol.substring(0, slash), symbol.substring(slash + 1), new BigDecimal(tickSize),
                new BigDecimal(stepSize), new BigDecimal(minQty), new BigDecimal(minNotional));
    }
}
