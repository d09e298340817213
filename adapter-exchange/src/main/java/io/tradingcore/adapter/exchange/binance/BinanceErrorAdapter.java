package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.ports.out.RejectReason;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place where Binance spot error codes (https://developers.binance.com/docs/binance-spot-api-docs/errors)
 * become our typed rejections and retry decisions. A code not in the table is a VENUE_ERROR; codes that carry
 * several meanings (-1013 filter failures, -2010 new-order rejections) are refined by their documented message.
 */
final class BinanceErrorAdapter {
    static final int NO_SUCH_ORDER = -2013;
    static final int NEW_ORDER_REJECTED = -2010;
    static final int FILTER_FAILURE = -1013;

    private static final SortedMap<Integer, RejectReason> TABLE;

    static {
        SortedMap<Integer, RejectReason> t = new TreeMap<>();
        // 10xx general server or network issues
        t.put(-1000, RejectReason.VENUE_ERROR);          // UNKNOWN
        t.put(-1001, RejectReason.VENUE_ERROR);          // DISCONNECTED
        t.put(-1002, RejectReason.VENUE_ERROR);          // UNAUTHORIZED
        t.put(-1003, RejectReason.RATE_LIMITED);         // TOO_MANY_REQUESTS (and IP ban)
        t.put(-1006, RejectReason.VENUE_ERROR);          // UNEXPECTED_RESP, execution status unknown
        t.put(-1007, RejectReason.VENUE_ERROR);          // TIMEOUT, execution status unknown
        t.put(-1008, RejectReason.RATE_LIMITED);         // SERVER_BUSY
        t.put(-1013, RejectReason.INVALID_ORDER);        // filter failure, refined below
        t.put(-1014, RejectReason.INVALID_ORDER);        // UNKNOWN_ORDER_COMPOSITION
        t.put(-1015, RejectReason.RATE_LIMITED);         // TOO_MANY_ORDERS
        t.put(-1016, RejectReason.MARKET_CLOSED);        // SERVICE_SHUTTING_DOWN
        t.put(-1020, RejectReason.INVALID_ORDER);        // UNSUPPORTED_OPERATION
        t.put(-1021, RejectReason.VENUE_ERROR);          // INVALID_TIMESTAMP (clock skew / recvWindow)
        t.put(-1022, RejectReason.VENUE_ERROR);          // INVALID_SIGNATURE
        // 11xx request issues: our request was malformed
        for (int code = -1199; code <= -1100; code++) {
            t.put(code, RejectReason.INVALID_ORDER);
        }
        t.put(-1111, RejectReason.LOT_SIZE);             // BAD_PRECISION: more decimals than the asset allows
        t.put(-1121, RejectReason.UNKNOWN_SYMBOL);       // BAD_SYMBOL
        t.put(-1122, RejectReason.MARKET_CLOSED);        // INVALID_SYMBOLSTATUS: symbol not TRADING
        // 20xx processing issues
        t.put(-2010, RejectReason.VENUE_ERROR);          // NEW_ORDER_REJECTED, refined below
        t.put(-2011, RejectReason.INVALID_ORDER);        // CANCEL_REJECTED
        t.put(-2013, RejectReason.INVALID_ORDER);        // NO_SUCH_ORDER
        t.put(-2014, RejectReason.VENUE_ERROR);          // BAD_API_KEY_FMT
        t.put(-2015, RejectReason.VENUE_ERROR);          // REJECTED_MBX_KEY (key, IP or permissions)
        t.put(-2016, RejectReason.MARKET_CLOSED);        // NO_TRADING_WINDOW
        t.put(-2026, RejectReason.INVALID_ORDER);        // ORDER_ARCHIVED
        TABLE = Collections.unmodifiableSortedMap(t);
    }

    private BinanceErrorAdapter() {
    }

    /** Our rejection for a venue error; never null (unknown codes are VENUE_ERROR). */
    static RejectReason toReject(int httpStatus, int code, String msg) {
        if (isRateLimit(httpStatus, code) || code == -1008) {
            return RejectReason.RATE_LIMITED;
        }
        String m = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
        if (code == FILTER_FAILURE || m.startsWith("filter failure")) {
            if (m.contains("price_filter") || m.contains("percent_price")) {
                return RejectReason.TICK_SIZE;
            }
            if (m.contains("lot_size") || m.contains("market_lot_size")) {
                return RejectReason.LOT_SIZE;
            }
            if (m.contains("notional")) {
                return RejectReason.MIN_NOTIONAL;
            }
            if (m.contains("max_num_orders") || m.contains("max_num_algo_orders")) {
                return RejectReason.RATE_LIMITED;
            }
            return RejectReason.INVALID_ORDER;
        }
        if (code == NEW_ORDER_REJECTED) {
            if (m.contains("insufficient balance")) {
                return RejectReason.INSUFFICIENT_BALANCE;
            }
            if (m.contains("duplicate order")) {
                return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            }
            if (m.contains("market is closed") || m.contains("trading is disabled") || m.contains("not available for trading")) {
                return RejectReason.MARKET_CLOSED;
            }
            if (m.contains("immediately match") || m.contains("unsupported order combination") || m.contains("order type")) {
                return RejectReason.INVALID_ORDER;
            }
            return RejectReason.VENUE_ERROR;
        }
        return TABLE.getOrDefault(code, RejectReason.VENUE_ERROR);
    }

    /**
     * 429 (limit exceeded), 418 (IP banned), or a rate-limit code on a 4XX: the request was refused unprocessed, so it
     * may be repeated after backing off. A 5XX never counts here, even with -1008, since its execution status is unknown.
     */
    static boolean isRateLimit(int httpStatus, int code) {
        return httpStatus == 429 || httpStatus == 418 || ((code == -1003 || code == -1015) && httpStatus < 500);
    }

    /**
     * Binance's documentation: a 5XX, -1006 or -1007 means the execution status is UNKNOWN and may have succeeded;
     * -1000/-1001 are internal errors with the same doubt. Only a query by client order id can tell.
     */
    static boolean isExecutionUnknown(int httpStatus, int code) {
        return httpStatus >= 500 || code == -1000 || code == -1001 || code == -1006 || code == -1007;
    }

    static boolean isDuplicateOrder(int code, String msg) {
        return code == NEW_ORDER_REJECTED && msg != null && msg.toLowerCase(Locale.ROOT).contains("duplicate order");
    }

    /** The documented codes this adapter knows (for tests and docs). */
    static SortedMap<Integer, RejectReason> table() {
        return TABLE;
    }
}
