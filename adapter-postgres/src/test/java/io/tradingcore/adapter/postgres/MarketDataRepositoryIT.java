package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.ETH;
import static io.tradingcore.adapter.postgres.PgTestSupport.HUGE;
import static io.tradingcore.adapter.postgres.PgTestSupport.TINY;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.InvariantViolationException;
import io.tradingcore.ports.out.MarketDataRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarketDataRepositoryIT {
    private static final UUID INGEST = UUID.fromString("00000000-0000-5000-8000-0000000000a1");
    private static PgTestSupport pg;
    private static MarketDataRepository md;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_market");
        md = pg.adapter.marketData();
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    private static Candle candle(HourTs t, String close) {
        BigDecimal c = new BigDecimal(close);
        return new Candle(BTC.id(), t, c, c.add(BigDecimal.ONE), c.subtract(BigDecimal.ONE).max(BigDecimal.ONE), c,
                new BigDecimal("12.5"));
    }

    private static List<Candle> series(String venue, HourTs from, int n) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(candle(from.plusHours(i), Integer.toString(100 + i)));
        }
        return out;
    }

    @Test
    void candlesRoundTripExactlyAtBothNumericExtremes() {
        HourTs t = hour("2021-01-01T00:00:00Z");
        Candle extreme = new Candle(ETH.id(), t, TINY, HUGE, TINY, HUGE, HUGE);
        IngestResult r = md.ingestCandles("extreme", INGEST, List.of(extreme));
        assertThat(r).isEqualTo(new IngestResult(1, 0, 0, List.of()));
        List<Candle> back = md.candles(ETH.id(), "extreme", t, t.plusHours(1));
        assertThat(back).containsExactly(extreme);
        assertThat(back.get(0).open().toPlainString()).isEqualTo("0.000000000000000001");
        assertThat(back.get(0).high().toPlainString()).isEqualTo("99999999999999999999.999999999999999999");
    }

    @Test
    void asOfReadsNeverReturnACandleThatClosesAfterTheHour() {
        HourTs from = hour("2022-01-01T00:00:00Z");
        md.ingestCandles("asof", INGEST, series("asof", from, 10));
        HourTs decision = from.plusHours(5);
        List<Candle> seen = md.closedCandlesAsOf(BTC.id(), "asof", decision, 100);
        assertThat(seen).hasSize(5);
        assertThat(seen).allSatisfy(c -> assertThat(c.closeTime().isAfter(decision)).isFalse());
        assertThat(seen.get(4).openTime()).isEqualTo(decision.minusHours(1));
        assertThat(md.closedCandlesAsOf(BTC.id(), "asof", decision, 2)).extracting(Candle::openTime)
                .containsExactly(decision.minusHours(2), decision.minusHours(1));
        assertThat(md.closedCandlesAsOf(BTC.id(), "asof", from, 10)).isEmpty();
    }

    @Test
    void reIngestCountsIdenticalRowsAsDuplicatesAndReportsChangedOnesAsConflictsWithoutOverwriting() {
        HourTs from = hour("2023-01-01T00:00:00Z");
        List<Candle> first = series("reingest", from, 4);
        assertThat(md.ingestCandles("reingest", INGEST, first)).isEqualTo(new IngestResult(4, 0, 0, List.of()));
        List<Candle> second = new ArrayList<>(first.subList(0, 3));
        second.set(1, candle(from.plusHours(1), "555"));
        second.add(candle(from.plusHours(4), "104"));
        second.add(second.get(0)); // an identical repeat inside the batch
        IngestResult r = md.ingestCandles("reingest", INGEST, second);
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.identicalDuplicates()).isEqualTo(3);
        assertThat(r.conflicts()).isEqualTo(1);
        assertThat(r.conflictKeys()).containsExactly(BTC.id() + "@" + from.plusHours(1));
        assertThat(md.candles(BTC.id(), "reingest", from, from.plusHours(5))).extracting(Candle::close)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("101"), new BigDecimal("102"), new BigDecimal("103"),
                        new BigDecimal("104"));
        assertThat(md.candles(BTC.id(), "reingest", from, from.plusHours(5)).get(1)).isEqualTo(first.get(1));
    }

    @Test
    void batchHoldingTwoDifferentCandlesForOneKeyIsRefused() {
        HourTs t = hour("2023-06-01T00:00:00Z");
        assertThatThrownBy(() -> md.ingestCandles("dupbatch", INGEST, List.of(candle(t, "100"), candle(t, "101"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@" + t);
        assertThat(md.candles(BTC.id(), "dupbatch", t, t.plusHours(1))).isEmpty();
    }

    @Test
    void candleOfAnUnknownAssetIsRefusedNamingTheReference() {
        Candle unknown = new Candle(io.tradingcore.domain.AssetId.of(99), hour("2023-07-01T00:00:00Z"), BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
        assertThatThrownBy(() -> md.ingestCandles("unknown", INGEST, List.of(unknown)))
                .isInstanceOf(InvariantViolationException.class)
                .hasMessageContaining("fk_market_ohlcv_hourly_asset")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("23503"));
    }

    @Test
    void bookSnapshotsRoundTripAndAsOfReadIgnoresLaterSnapshots() {
        Instant t0 = Instant.parse("2024-05-01T09:59:59.123456Z");
        // spread_bps is NUMERIC(12,8) in the contract: a spread must stay below 10^4 bps, so each extreme
        // price is tested with a zero spread
        BookSnapshot early = new BookSnapshot(BTC.id(), t0, TINY, TINY, HUGE, TINY, "book");
        BookSnapshot huge = new BookSnapshot(ETH.id(), t0, HUGE, HUGE, TINY, HUGE, "book");
        BookSnapshot late = new BookSnapshot(BTC.id(), Instant.parse("2024-05-01T10:00:00.000001Z"), new BigDecimal("100"),
                new BigDecimal("100.5"), BigDecimal.ONE, BigDecimal.TEN, "book");
        assertThat(md.ingestBookSnapshots(INGEST, List.of(early, late, huge))).isEqualTo(new IngestResult(3, 0, 0, List.of()));
        assertThat(md.latestBookAsOf(ETH.id(), "book", hour("2024-05-01T10:00:00Z"))).contains(huge);
        HourTs ten = hour("2024-05-01T10:00:00Z");
        assertThat(md.latestBookAsOf(BTC.id(), "book", ten)).contains(early);
        assertThat(md.latestBookAsOf(BTC.id(), "book", ten.plusHours(1))).contains(late);
        assertThat(md.latestBookAsOf(BTC.id(), "book", ten.minusHours(1))).isEmpty();
        assertThat(pg.count("SELECT count(*) FROM order_book_snapshot WHERE hour_ts_utc = '2024-05-01T09:00:00Z'"))
                .isEqualTo(2);
        BookSnapshot changed = new BookSnapshot(BTC.id(), late.snapshotTs(), new BigDecimal("100"), new BigDecimal("101"),
                BigDecimal.ONE, BigDecimal.TEN, "book");
        IngestResult again = md.ingestBookSnapshots(INGEST, List.of(early, changed));
        assertThat(again).isEqualTo(new IngestResult(0, 1, 1, List.of(BTC.id() + "@" + late.snapshotTs())));
        assertThat(md.latestBookAsOf(BTC.id(), "book", ten.plusHours(1))).contains(late);
    }
}
