package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.adapter.exchange.model.TimeInForce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Throughput of the simulated exchange over years of real hourly BTC/USDT candles: each hour one MARKET order
 * (alternating buy and sell) and one resting LIMIT buy 1 % under the open, then the hour is executed.
 * Prints the figures; it asserts nothing (see docs/benchmarks/exchange.md for the command).
 */
public final class SimulatedExchangeBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SimulatedExchangeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args.length > 0 ? args[0] : "data/market/BTC_USDT_1h.csv.gz");
        List<Candle> bars = read(csv);
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            SimulatedExchange s = SimulatedExchange.create(SimConfig.builder().seed(round).slippageJitterBps("2")
                    .rules(SymbolRules.of("BTC/USDT", "0.01", "0.00001", "0.00001", "5"))
                    .balance("USDT", "100000000").balance("BTC", "1000").build());
            s.addCandles("BTC/USDT", bars);
            long t1 = System.nanoTime();
            long cpu1 = CPU.getCurrentThreadCpuTime();
            int orders = 0;
            int fills = 0;
            for (int i = 0; i < bars.size(); i++) {
                Candle b = bars.get(i);
                Instant h = b.openTime().toInstant();
                s.submit(new OrderTicket(new ClientOrderId("m" + i), "BTC/USDT", i % 2 == 0 ? OrderSide.BUY : OrderSide.SELL, OrderType.MARKET, TimeInForce.IOC,
                        new BigDecimal("0.01"), null, h));
                BigDecimal limit = b.open().multiply(new BigDecimal("0.99")).setScale(2, RoundingMode.DOWN);
                s.submit(new OrderTicket(new ClientOrderId("l" + i), "BTC/USDT", OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC, new BigDecimal("0.01"), limit, h));
                orders += 2;
                s.executeThrough(h);
                fills += s.fills("m" + i).size() + s.fills("l" + i).size();
            }
            long t2 = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime() - cpu1;
            System.out.printf("round %d: %d candles loaded in %.0f ms; %d orders, %d fills over %d hours: wall %.0f ms, cpu %.0f ms"
                            + " (%.0f orders per cpu-second, %.1f cpu-us per hour)%n",
                    round, bars.size(), (t1 - t0) / 1e6, orders, fills, bars.size(), (t2 - t1) / 1e6, cpu / 1e6, orders / (cpu / 1e9),
                    cpu / 1e3 / bars.size());
        }
    }

    private static List<Candle> read(Path csv) throws IOException {
        List<Candle> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                csv.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(csv)) : Files.newInputStream(csv), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split(",");
                out.add(new Candle(AssetId.of(1), HourTs.of(Instant.parse(c[0])), new BigDecimal(c[1]), new BigDecimal(c[2]), new BigDecimal(c[3]),
                        new BigDecimal(c[4]), new BigDecimal(c[5])));
            }
        }
        return out;
    }
}
