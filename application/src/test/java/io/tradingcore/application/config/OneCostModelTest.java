package io.tradingcore.application.config;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.sim.SimConfig;
import io.tradingcore.adapter.exchange.sim.SimulatedExchange;
import io.tradingcore.application.SimulatedAccounts;
import io.tradingcore.application.Wiring;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.domain.RegimeResult;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.SignalInput;
import io.tradingcore.domain.signal.SignalPolicy;
import io.tradingcore.ports.out.ModelTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The one cost model: a round trip of 2 x 7 bps fee + 3 bps spread + 2 x 2 bps slippage = 21 bps, configured once
 * ({@code trading.signal.costs}), is the figure the labels and learned expected return (trainer), the signal policy
 * and the simulated exchange all use. Any of them using another figure fails here.
 */
class OneCostModelTest {

    private static final String YAML = """
            trading:
              signal:
                costs: {feeBps: 7, spreadBps: 3, slippageBps: 2}
            """;
    private static final AppConfig CFG = ConfigLoader.parse(YAML, "test").config();
    private static final double ROUND_TRIP = 0.0021;

    @Test
    void theConfigHasOneCostModel() {
        assertThat(CFG.trading().signal().costs()).isEqualTo(new CostModel(new BigDecimal("7"), new BigDecimal("3"),
                new BigDecimal("2")));
        assertThat(CFG.trading().signal().costs().roundTrip()).isEqualByComparingTo("0.0021");
        assertThat(AppConfig.defaults().trading().signal().costs()).isEqualTo(CostModel.defaults());
    }

    @Test
    void theSignalPolicyRecordsTheRoundTripAndDoesNotSubtractItAgain() {
        ModelVersionId v = new ModelVersionId(DeterministicIds.uuid("v"));
        StackPrediction s = new StackPrediction(new RegimeResult("RANGING", 0.9, v), List.of(),
                List.of(new MetaPrediction(Horizon.H4, v, 0.3, 0.000001, List.of())));
        SignalDecision d = new SignalPolicy(CFG.trading().signal()).decide(new SignalInput(AssetId.of(1),
                HourTs.parse("2024-01-01T00:00:00Z"), s, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1000"), null));
        assertThat(d.roundTripCost()).isEqualByComparingTo("0.0021");
        assertThat(d.action()).isEqualTo(SignalAction.ENTER);
    }

    @Test
    void theSimulatedExchangeChargesTheSameRoundTrip() {
        Asset btc = Asset.of(1, "BTC/USDT");
        SimConfig sim = SimulatedAccounts.config(CFG, List.of(btc), Optional.empty());
        SimulatedExchange venue = SimulatedExchange.create(sim);
        Instant h0 = Instant.parse("2024-01-01T00:00:00Z");
        Instant h1 = h0.plusSeconds(3600);
        BigDecimal p = new BigDecimal("100");
        BigDecimal vol = new BigDecimal("1000000");
        venue.addCandles("BTC/USDT", List.of(new Candle(btc.id(), HourTs.of(h0), p, p, p, p, vol), new Candle(btc.id(), HourTs.of(h1), p, p, p, p, vol)));
        BigDecimal before = venue.balances().get("USDT").free();
        BigDecimal qty = new BigDecimal("10");
        assertThat(venue.submit(new OrderTicket(new ClientOrderId("buy"), "BTC/USDT", OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, qty, null, h0)))
                .isInstanceOf(SubmitResult.Accepted.class);
        venue.executeThrough(h0);
        assertThat(venue.submit(new OrderTicket(new ClientOrderId("sell"), "BTC/USDT", OrderSide.SELL, OrderType.MARKET, TimeInForce.IOC, qty, null, h1)))
                .isInstanceOf(SubmitResult.Accepted.class);
        venue.executeThrough(h1);
        double lost = before.subtract(venue.balances().get("USDT").free()).doubleValue() / 1000.0;
        // fees are charged on the slipped notionals, so the realised round trip differs by a second-order term
        assertThat(lost).isCloseTo(ROUND_TRIP, within(1e-6));
    }

    @Test
    void theTrainerLabelsAndLearnsTheExpectedReturnNetOfTheSameRoundTrip() throws IOException {
        SortedMap<AssetId, List<Candle>> candles = new TreeMap<>();
        candles.put(AssetId.of(1), candles(AssetId.of(1), "BTC", "2023-08-01", "2024-01-02"));
        candles.put(AssetId.of(2), candles(AssetId.of(2), "ETH", "2023-08-01", "2024-01-02"));
        ModelTrainer.TrainedStack t = Wiring.modelTrainer(CFG).train(candles, HourTs.parse("2023-09-01T00:00:00Z"),
                HourTs.parse("2024-01-01T00:00:00Z"), 1L);
        long metas = t.artifacts().stream().filter(a -> a.version().role() == ModelRole.META).peek(a ->
                assertThat(Double.parseDouble(a.version().hyperParams().get("round_trip_cost"))).isEqualTo(ROUND_TRIP))
                .count();
        assertThat(metas).isEqualTo(3);
    }

    @Test
    void aConfigurationStoredBeforeTheCostModelIsRefusedWithAClearMessage() {
        String old = ConfigLoader.defaults().canonicalJson().replace("\"simulation\":{",
                "\"simulation\":{\"takerFeeBps\":10,");
        assertThatThrownBy(() -> ConfigLoader.fromCanonical(old)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the one cost model").hasMessageContaining("code version");
    }

    private static List<Candle> candles(AssetId asset, String base, String from, String to) throws IOException {
        Path file = Path.of("..", "data", "market", base + "_USDT_1h.csv.gz");
        Instant lo = Instant.parse(from + "T00:00:00Z");
        Instant hi = Instant.parse(to + "T00:00:00Z");
        List<Candle> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                HourTs h = HourTs.parse(f[0]);
                if (!h.toInstant().isBefore(lo) && h.toInstant().isBefore(hi)) {
                    out.add(Candle.of(asset, h, f[1], f[2], f[3], f[4], f[5]));
                }
            }
        }
        return out;
    }
}
