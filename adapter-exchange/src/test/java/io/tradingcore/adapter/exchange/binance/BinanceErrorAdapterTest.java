package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.ports.out.RejectReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceErrorAdapterTest {

    @ParameterizedTest(name = "HTTP {0} code {1} \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', value = {
            "400|-2010|Account has insufficient balance for requested action.|INSUFFICIENT_BALANCE",
            "400|-2010|Duplicate order sent.|DUPLICATE_CLIENT_ORDER_ID",
            "400|-2010|Market is closed.|MARKET_CLOSED",
            "400|-2010|Order would immediately match and take.|INVALID_ORDER",
            "400|-2010|This action is disabled on this account.|VENUE_ERROR",
            "400|-1013|Filter failure: PRICE_FILTER|TICK_SIZE",
            "400|-1013|Filter failure: LOT_SIZE|LOT_SIZE",
            "400|-1013|Filter failure: MARKET_LOT_SIZE|LOT_SIZE",
            "400|-1013|Filter failure: NOTIONAL|MIN_NOTIONAL",
            "400|-1013|Filter failure: MIN_NOTIONAL|MIN_NOTIONAL",
            "400|-1013|Filter failure: MAX_NUM_ORDERS|RATE_LIMITED",
            "400|-1013|Invalid quantity.|INVALID_ORDER",
            "400|-1121|Invalid symbol.|UNKNOWN_SYMBOL",
            "400|-1111|Precision is over the maximum defined for this asset.|LOT_SIZE",
            "400|-1102|Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.|INVALID_ORDER",
            "400|-1022|Signature for this request is not valid.|VENUE_ERROR",
            "400|-1021|Timestamp for this request is outside of the recvWindow.|VENUE_ERROR",
            "401|-2015|Invalid API-key, IP, or permissions for action.|VENUE_ERROR",
            "429|-1003|Too much request weight used; current limit is 6000 request weight per 1 MINUTE.|RATE_LIMITED",
            "418|-1003|Way too much request weight used; IP banned until 1704067320000.|RATE_LIMITED",
            "429|-1015|Too many new orders; current limit is 100 orders per 10 SECOND.|RATE_LIMITED",
            "503|-1008|Server is currently overloaded with other requests. Please try again in a few minutes.|RATE_LIMITED",
            "400|-2011|Unknown order sent.|INVALID_ORDER",
            "400|-1016|This service is no longer available.|MARKET_CLOSED",
            "400|-9999|a code Binance may add tomorrow|VENUE_ERROR",
            "502|0|<html>Bad Gateway</html>|VENUE_ERROR"})
    void everyVenueErrorMapsToOneTypedRejection(int status, int code, String msg, RejectReason expected) {
        assertThat(BinanceErrorAdapter.toReject(status, code, msg)).isEqualTo(expected);
    }

    @Test
    void everyDocumentedCodeInTheTableHasAReason() {
        assertThat(BinanceErrorAdapter.table()).isNotEmpty();
        assertThat(BinanceErrorAdapter.table().values()).doesNotContainNull();
        assertThat(BinanceErrorAdapter.table()).containsKeys(-1003, -1013, -1121, -2010, -2011, -2013, -2015);
    }

    @Test
    void onlyUnprocessedRefusalsAreRetriedAndOnlyUncertainAnswersAreQueried() {
        assertThat(BinanceErrorAdapter.isRateLimit(429, -1003)).isTrue();
        assertThat(BinanceErrorAdapter.isRateLimit(418, 0)).isTrue();
        assertThat(BinanceErrorAdapter.isRateLimit(400, -1015)).isTrue();
        assertThat(BinanceErrorAdapter.isRateLimit(503, -1008)).isFalse(); // 5XX: status unknown, query instead
        assertThat(BinanceErrorAdapter.isExecutionUnknown(503, -1008)).isTrue();
        assertThat(BinanceErrorAdapter.isExecutionUnknown(400, -1007)).isTrue();
        assertThat(BinanceErrorAdapter.isExecutionUnknown(400, -1006)).isTrue();
        assertThat(BinanceErrorAdapter.isExecutionUnknown(400, -2010)).isFalse();
        assertThat(BinanceErrorAdapter.isDuplicateOrder(-2010, "Duplicate order sent.")).isTrue();
        assertThat(BinanceErrorAdapter.isDuplicateOrder(-2010, "Account has insufficient balance for requested action.")).isFalse();
    }
}
