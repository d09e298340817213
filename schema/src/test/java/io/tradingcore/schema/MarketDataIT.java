package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarketDataIT extends SchemaTestSupport {

    @Test
    void storesAValidCandle() throws SQLException {
        insert(Fixture.ohlcv());
        assertThat(queryString("SELECT close_price FROM market_ohlcv_hourly")).isEqualTo("105.000000000000000000");
    }

    @Test
    void refusesNonPositivePrices() throws SQLException {
        // a zero low keeps the candle ordered, so only the positivity rule can fire
        assertThat(rejected(Fixture.ohlcv().with("low_price", "0"))).contains("ck_market_ohlcv_hourly_prices_positive");
        // all four at once non-positive but still ordered: only the positivity rule can fire
        assertThat(rejected(Fixture.ohlcv().with("open_price", "-1").with("high_price", "-1").with("low_price", "-1")
                .with("close_price", "-1"))).contains("ck_market_ohlcv_hourly_prices_positive");
    }

    @Test
    void refusesHighBelowLow() throws SQLException {
        // high < low also puts open and close outside [low, high]; those checks are dropped for this
        // transaction only (rolled back) so that the high/low rule is proven on its own
        exec("ALTER TABLE market_ohlcv_hourly DROP CONSTRAINT ck_market_ohlcv_hourly_open_in_range,"
                + " DROP CONSTRAINT ck_market_ohlcv_hourly_close_in_range");
        assertThat(rejected(Fixture.ohlcv().with("high_price", "89").with("open_price", "89").with("close_price", "89")))
                .contains("ck_market_ohlcv_hourly_high_ge_low");
    }

    @Test
    void refusesOpenOrCloseOutsideTheRange() throws SQLException {
        assertThat(rejected(Fixture.ohlcv().with("open_price", "111"))).contains("ck_market_ohlcv_hourly_open_in_range");
        assertThat(rejected(Fixture.ohlcv().with("open_price", "89.999999999999999999")))
                .contains("ck_market_ohlcv_hourly_open_in_range");
        assertThat(rejected(Fixture.ohlcv().with("close_price", "110.000000000000000001")))
                .contains("ck_market_ohlcv_hourly_close_in_range");
        insert(Fixture.ohlcv().with("open_price", "90").with("close_price", "110"));
    }

    @Test
    void refusesNegativeVolumeButAcceptsZero() throws SQLException {
        assertThat(rejected(Fixture.ohlcv().with("volume", "-0.000000000000000001")))
                .contains("ck_market_ohlcv_hourly_volume_nonneg");
        insert(Fixture.ohlcv().with("volume", "0"));
    }

    @Test
    void refusesASecondCandleForTheSameAssetHourAndVenue() throws SQLException {
        insert(Fixture.ohlcv(), Fixture.ohlcv().with("source_venue", "kraken"));
        assertThat(rejected(Fixture.ohlcv())).contains("pk_market_ohlcv_hourly");
    }

    @Test
    void refusesAnUnknownAsset() throws SQLException {
        assertThat(rejected(Fixture.ohlcv().with("asset_id", 99))).contains("fk_market_ohlcv_hourly_asset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Kolkata", "America/St_Johns"})
    void candleHourAlignmentIsJudgedInUtcWhateverTheSessionTimeZone(String zone) throws SQLException {
        exec("SET LOCAL TIME ZONE '" + zone + "'");
        insert(Fixture.ohlcv().with("hour_ts_utc", "2026-01-01T06:00:00Z"));
        // the same UTC hour written with a +05:30 offset
        insert(Fixture.ohlcv().with("hour_ts_utc", "2026-01-01 12:30:00+05:30").with("source_venue", "kraken"));
        // 06:30Z is a whole local hour in Kolkata (12:00) and St John's (03:00) but not a UTC hour
        assertThat(rejected(Fixture.ohlcv().with("hour_ts_utc", "2026-01-01T06:30:00Z")))
                .contains("ck_market_ohlcv_hourly_hour_aligned");
        assertThat(rejected(Fixture.ohlcv().with("hour_ts_utc", "2026-01-01T06:00:00.000001Z")))
                .contains("ck_market_ohlcv_hourly_hour_aligned");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Kolkata", "America/St_Johns"})
    void bookSnapshotAlignmentAndBucketAreJudgedInUtcWhateverTheSessionTimeZone(String zone) throws SQLException {
        exec("SET LOCAL TIME ZONE '" + zone + "'");
        insert(Fixture.bookSnapshot());
        insert(Fixture.bookSnapshot().with("snapshot_ts_utc", "2026-01-01T06:59:59.999999Z"));
        insert(Fixture.bookSnapshot().with("snapshot_ts_utc", "2026-01-01T06:00:00Z"));
        assertThat(rejected(Fixture.bookSnapshot().with("snapshot_ts_utc", "2026-01-01T07:00:00Z")))
                .contains("ck_order_book_snapshot_bucket_match");
        assertThat(rejected(Fixture.bookSnapshot().with("snapshot_ts_utc", "2026-01-01T05:59:59Z")))
                .contains("ck_order_book_snapshot_bucket_match");
        Row unaligned = Fixture.bookSnapshot().with("hour_ts_utc", "2026-01-01T06:30:00Z")
                .with("snapshot_ts_utc", "2026-01-01T06:40:00Z");
        assertThat(rejected(unaligned)).contains("ck_order_book_snapshot_bucket_match");
        // an unaligned hour never matches a bucket; without bucket_match (dropped in this transaction
        // only) the contract's own alignment rule must still refuse it
        exec("ALTER TABLE order_book_snapshot DROP CONSTRAINT ck_order_book_snapshot_bucket_match");
        assertThat(rejected(unaligned)).contains("ck_order_book_snapshot_hour_aligned");
        insert(Fixture.bookSnapshot().with("snapshot_ts_utc", "2026-01-01T06:20:00Z"));
    }

    @Test
    void bookSnapshotComputesSpreadsAndRefusesACrossedBook() throws SQLException {
        insert(Fixture.bookSnapshot());
        assertThat(queryString("SELECT spread_abs || ' ' || spread_bps FROM order_book_snapshot"))
                .isEqualTo("0.100000000000000000 10.00000000");
        assertThat(rejected(Fixture.bookSnapshot().with("snapshot_ts_utc", "2026-01-01T06:16:00Z")
                .with("best_ask_price", "99.999999999999999999"))).contains("ck_order_book_snapshot_ask_ge_bid");
    }

    @Test
    void bookSnapshotRefusesNonPositivePricesAndNegativeSizes() throws SQLException {
        assertThat(rejected(Fixture.bookSnapshot().with("best_bid_price", "0")))
                .contains("ck_order_book_snapshot_prices_positive");
        assertThat(rejected(Fixture.bookSnapshot().with("best_ask_size", "-1")))
                .contains("ck_order_book_snapshot_sizes_nonneg");
    }

    @Test
    void numericExtremesRoundTripExactly() throws SQLException {
        insert(Fixture.ohlcv().with("open_price", Fixture.MIN_NUMERIC).with("low_price", Fixture.MIN_NUMERIC)
                .with("close_price", Fixture.MIN_NUMERIC).with("high_price", Fixture.MAX_NUMERIC)
                .with("volume", Fixture.MAX_NUMERIC));
        assertThat(queryString("SELECT low_price || ' ' || high_price || ' ' || volume FROM market_ohlcv_hourly"))
                .isEqualTo(Fixture.MIN_NUMERIC + " " + Fixture.MAX_NUMERIC + " " + Fixture.MAX_NUMERIC);
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT low_price, high_price FROM market_ohlcv_hourly")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualTo(new java.math.BigDecimal(Fixture.MIN_NUMERIC));
            assertThat(rs.getBigDecimal(2)).isEqualTo(new java.math.BigDecimal(Fixture.MAX_NUMERIC));
        }
        // one more integer digit or one more decimal place does not fit NUMERIC(38,18) exactly
        assertThat(rejected(Fixture.ohlcv().with("source_venue", "kraken").with("high_price", "100000000000000000000")))
                .contains("numeric field overflow");
        insert(Fixture.ohlcv().with("source_venue", "kraken").with("volume", "0.0000000000000000004"));
        assertThat(queryString("SELECT count(*) FROM market_ohlcv_hourly WHERE source_venue = 'kraken' AND volume = 0"))
                .as("a 19th decimal is rounded by the column, which is why writers must round first").isEqualTo("1");
    }
}
