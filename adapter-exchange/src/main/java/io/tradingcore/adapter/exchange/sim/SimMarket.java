package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One symbol inside the simulated exchange: its candles (by openTime), quotes and how far its hours have been executed. */
final class SimMarket {
    final String symbol;
    final NavigableMap<Instant, Candle> bars = new TreeMap<>();
    final NavigableMap<Instant, BookSnapshot> quotes = new TreeMap<>();
    /** openTime of the last bar whose open was executed, and of the last whose range was. */
    Instant opened;
    Instant closed;
    /** What is left of the current bar's volume share for our orders. */
    BigDecimal volumeLeft = BigDecimal.ZERO;

    SimMarket(String symbol) {
        this.symbol = symbol;
    }
}
