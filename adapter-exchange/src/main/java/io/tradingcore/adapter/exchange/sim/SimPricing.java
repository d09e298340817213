package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.Candle;
import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.VenueDecimals;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;

/**
 * The simulated venue's fill prices: a taker pays the bar's open moved against it by half the spread (from the
 * latest quote, else the configured spread) plus slippage plus a seeded jitter; a resting limit fills at its limit
 * once the market traded through it. The jitter draws from one seeded sequence, so prices depend on call order.
 */
final class SimPricing {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private final SimConfig config;
    private final SortedMap<String, SimMarket> markets;
    private final SplittableRandom random;

    SimPricing(SimConfig config, SortedMap<String, SimMarket> markets) {
        this.config = config;
        this.markets = markets;
        this.random = new SplittableRandom(config.seed());
    }

    /** The price an order decided at {@code hour} would meet: the open of bar {@code hour}, else the last known close. */
    Optional<BigDecimal> referencePrice(String symbol, Instant hour) {
        NavigableMap<Instant, Candle> series = markets.get(symbol).bars;
        Candle at = series.get(hour);
        if (at != null) {
            return Optional.of(at.open());
        }
        Map.Entry<Instant, Candle> before = series.lowerEntry(hour);
        return before == null ? Optional.empty() : Optional.of(before.getValue().close());
    }

    /** Half the spread in bps from the latest quote at or before {@code hour}, else half the configured spread. */
    BigDecimal halfSpreadBps(String symbol, Instant hour) {
        Map.Entry<Instant, BookSnapshot> q = markets.get(symbol).quotes.floorEntry(hour);
        BigDecimal spread = q == null ? config.defaultSpreadBps() : q.getValue().spreadBps();
        return spread.divide(TWO, Decimals.SCALE, RoundingMode.HALF_EVEN);
    }

    /** A taker's price at {@code open}: half the spread, slippage and one jitter draw against it. */
    BigDecimal takerPrice(OrderSide side, BigDecimal open, BigDecimal halfSpreadBps) {
        return adverse(side, open, halfSpreadBps.add(config.slippageBps()).add(jitterBps()));
    }

    /** The worst price a BUY at {@code basis} could pay as a taker (the full jitter range): what its reservation covers. */
    BigDecimal worstBuyPrice(String symbol, Instant hour, BigDecimal basis) {
        return adverse(OrderSide.BUY, basis, halfSpreadBps(symbol, hour).add(config.slippageBps()).add(config.slippageJitterBps()));
    }

    /** Moves {@code price} against the taker by {@code bps}: up for a buy, down for a sell. */
    static BigDecimal adverse(OrderSide side, BigDecimal price, BigDecimal bps) {
        BigDecimal delta = VenueDecimals.bps(price, bps);
        return Decimals.value(side == OrderSide.BUY ? price.add(delta) : price.subtract(delta));
    }

    static boolean isMarketable(OrderTicket t, BigDecimal arrivalPrice) {
        int c = t.limitPrice().compareTo(arrivalPrice);
        return t.side() == OrderSide.BUY ? c >= 0 : c <= 0;
    }

    /** The market traded through the limit: strictly beyond it, since touching says nothing about our queue position. */
    static boolean tradesThrough(OrderTicket t, Candle bar) {
        return t.side() == OrderSide.BUY ? bar.low().compareTo(t.limitPrice()) < 0 : bar.high().compareTo(t.limitPrice()) > 0;
    }

    static BigDecimal capAtLimit(OrderTicket t, BigDecimal price) {
        return t.side() == OrderSide.BUY ? price.min(t.limitPrice()) : price.max(t.limitPrice());
    }

    private BigDecimal jitterBps() {
        if (config.slippageJitterBps().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return config.slippageJitterBps().multiply(BigDecimal.valueOf(random.nextLong(1_000_000L), 6));
    }
}
