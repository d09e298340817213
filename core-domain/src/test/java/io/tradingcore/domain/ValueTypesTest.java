package io.tradingcore.domain;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    @Test
    void hourTsRefusesUnalignedInstantsAndMovesByWholeHours() {
        assertThatThrownBy(() -> HourTs.of(Instant.parse("2024-01-01T10:00:01Z"))).hasMessageContaining("aligned");
        assertThatThrownBy(() -> HourTs.of(Instant.parse("2024-01-01T10:30:00Z"))).hasMessageContaining("aligned");
        HourTs h = HourTs.parse("2024-01-01T23:00:00Z");
        assertThat(h.plusHours(1)).isEqualTo(HourTs.parse("2024-01-02T00:00:00Z"));
        assertThat(h.minusHours(24).hoursUntil(h)).isEqualTo(24);
        assertThat(HourTs.floor(Instant.parse("2024-01-01T10:59:59.999Z"))).isEqualTo(HourTs.parse("2024-01-01T10:00:00Z"));
        assertThat(h.compareTo(h.plusHours(1))).isNegative();
    }

    @Test
    void candleValidatesPricesAndKnowsItsCloseTime() {
        Candle c = Candle.of(BTC.id(), HOUR, "100", "110", "90", "105", "0");
        assertThat(c.closeTime()).isEqualTo(HOUR.plusHours(1));
        assertThat(c.open().scale()).isEqualTo(18);
        assertThatThrownBy(() -> Candle.of(BTC.id(), HOUR, "100", "90", "110", "100", "1")).hasMessageContaining("low");
        assertThatThrownBy(() -> Candle.of(BTC.id(), HOUR, "0", "110", "90", "100", "1")).hasMessageContaining("> 0");
        assertThatThrownBy(() -> Candle.of(BTC.id(), HOUR, "100", "110", "90", "111", "1")).hasMessageContaining("close outside");
        assertThatThrownBy(() -> Candle.of(BTC.id(), HOUR, "100", "110", "90", "100", "-1")).hasMessageContaining("volume");
        assertThatThrownBy(() -> Candle.of(BTC.id(), HOUR, "100.0000000000000000001", "110", "90", "100", "1"))
                .hasMessageContaining("more than 18 decimals");
    }

    @Test
    void candleKeepsShibSizedPricesExact() {
        Candle c = Candle.of(BTC.id(), HOUR, "0.00000556", "0.00000560", "0.00000550", "0.00000558", "123456789");
        assertThat(c.close().toPlainString()).isEqualTo("0.000005580000000000");
    }

    @Test
    void bookSnapshotSpreadInBasisPointsAtScaleEight() {
        BookSnapshot b = new BookSnapshot(BTC.id(), Instant.parse("2024-03-01T09:59:00Z"), d("100"), d("100.05"), d("1"), d("2"), "binance");
        assertThat(b.spreadBps()).isEqualByComparingTo("5");
        assertThat(b.spreadBps().scale()).isEqualTo(8);
        assertThat(b.hour()).isEqualTo(HourTs.parse("2024-03-01T09:00:00Z"));
        assertThatThrownBy(() -> new BookSnapshot(BTC.id(), Instant.EPOCH, d("101"), d("100"), d("1"), d("1"), "x"))
                .hasMessageContaining("bestAsk");
    }

    @Test
    void assetSymbolMustBeBaseSlashQuote() {
        assertThat(Asset.of(3, "SHIB/USDT").base()).isEqualTo("SHIB");
        assertThatThrownBy(() -> new Asset(AssetId.of(1), "BTCUSDT", "BTC", "USDT")).hasMessageContaining("base/quote");
        assertThatThrownBy(() -> AssetId.of(0)).hasMessageContaining("positive");
    }

    @Test
    void deterministicIdsAreStableAndDistinct() {
        assertThat(DeterministicIds.runId(ACCOUNT, RunMode.BACKTEST, HOUR)).isEqualTo(DeterministicIds.runId(ACCOUNT, RunMode.BACKTEST, HOUR));
        assertThat(DeterministicIds.runId(ACCOUNT, RunMode.PAPER, HOUR)).isNotEqualTo(DeterministicIds.runId(ACCOUNT, RunMode.BACKTEST, HOUR));
        assertThat(DeterministicIds.uuid("a", "bc")).isNotEqualTo(DeterministicIds.uuid("ab", "c"));
        assertThat(DeterministicIds.uuid("x").version()).isEqualTo(5);
    }

    @Test
    void clientOrderIdIsDeterministicPerRunAndSignalAndFitsTheVenueLimit() {
        SignalId s1 = DeterministicIds.signalId(RUN, AssetId.of(1));
        SignalId s2 = DeterministicIds.signalId(RUN, AssetId.of(2));
        ClientOrderId a = ClientOrderId.forSignal(RUN, s1);
        assertThat(a).isEqualTo(ClientOrderId.forSignal(RUN, s1));
        assertThat(a).isNotEqualTo(ClientOrderId.forSignal(RUN, s2));
        RunId other = DeterministicIds.runId(ACCOUNT, RunMode.BACKTEST, HOUR.plusHours(1));
        assertThat(a).isNotEqualTo(ClientOrderId.forSignal(other, s1));
        assertThat(a.value()).hasSize(34).matches("[A-Za-z0-9_-]+");
        assertThatThrownBy(() -> new ClientOrderId("has space")).hasMessageContaining("ClientOrderId");
    }

    @Test
    void featureVectorRefusesAWindowEndingAfterTheHour() {
        assertThatThrownBy(() -> new FeatureVector(BTC.id(), HOUR, HOUR.minusHours(5).toInstant(), HOUR.plusHours(1).toInstant(),
                List.of("a"), List.of(1.0))).hasMessageContaining("lookahead");
        assertThatThrownBy(() -> new FeatureVector(BTC.id(), HOUR, HOUR.minusHours(5).toInstant(), HOUR.toInstant(),
                List.of("a"), List.of(Double.NaN))).hasMessageContaining("not finite");
        assertThat(new FeatureVector(BTC.id(), HOUR, HOUR.minusHours(5).toInstant(), HOUR.toInstant(), List.of("a"), List.of(1.0)).value("a"))
                .isEqualTo(1.0);
    }

    @Test
    void stackPredictionIsPutInFixedOrderAndRefusesDuplicates() {
        ModelVersionId v = new ModelVersionId(DeterministicIds.uuid("m"));
        RegimeResult r = new RegimeResult("RANGE", 0.7, v);
        var b1 = new BasePrediction(ModelRole.BASE_DEEP, Horizon.H1, v, 0.5);
        var b2 = new BasePrediction(ModelRole.BASE_TREE, Horizon.H24, v, 0.5);
        var b3 = new BasePrediction(ModelRole.BASE_TREE, Horizon.H1, v, 0.5);
        var m4 = new MetaPrediction(Horizon.H4, v, 0.6, 0.01, List.of());
        var m1 = new MetaPrediction(Horizon.H1, v, 0.6, 0.01, List.of());
        StackPrediction p = new StackPrediction(r, List.of(b1, b2, b3), List.of(m4, m1));
        assertThat(p.base()).containsExactly(b3, b2, b1);
        assertThat(p.meta()).containsExactly(m1, m4);
        assertThatThrownBy(() -> new StackPrediction(r, List.of(b1, b1), List.of())).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new BasePrediction(ModelRole.META, Horizon.H1, v, 0.5)).hasMessageContaining("BASE_TREE");
        assertThatThrownBy(() -> new BasePrediction(ModelRole.BASE_TREE, Horizon.H1, v, 1.5)).hasMessageContaining("probability");
    }

    @Test
    void orderRequestEnforcesNoLeverageAndMarketHasNoLimitPrice() {
        assertThat(buy("1", "1000", "1000").requestedNotional()).isEqualByComparingTo("1000");
        assertThatThrownBy(() -> buy("1", "1000.000000000000000001", "1000")).hasMessageContaining("no-leverage rule: requested");
        assertThat(request(OrderSide.SELL, "1", "1000", "0").side()).isEqualTo(OrderSide.SELL);
        assertThat(Horizon.H24.hours()).isEqualTo(24);
    }

    @Test
    void decimalsRoundExplicitly() {
        assertThat(Decimals.value(new BigDecimal("0.0000000000000000005")).toPlainString()).isEqualTo("0.000000000000000000");
        assertThat(Decimals.value(new BigDecimal("0.0000000000000000015")).toPlainString()).isEqualTo("0.000000000000000002");
        assertThat(Decimals.quantity(new BigDecimal("0.0000000000000000019")).toPlainString()).isEqualTo("0.000000000000000001");
        assertThat(Decimals.exact(Decimals.MAX_ABS, "max")).isEqualByComparingTo(Decimals.MAX_ABS);
        assertThatThrownBy(() -> Decimals.exact(Decimals.MAX_ABS.add(BigDecimal.ONE), "big")).hasMessageContaining("NUMERIC(38,18)");
    }
}
