package io.tradingcore.adapter.postgres.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.adapter.postgres.PostgresAdapter;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.BasePrediction;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.MetaComponent;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.domain.RegimeResult;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.ModelVersion;
import io.tradingcore.testdb.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Prints (1) candle ingest throughput through {@code MarketDataRepository.ingestCandles} against a raw
 * COPY of the same rows into an empty copy of market_ohlcv_hourly (LIKE ... INCLUDING ALL: same columns,
 * checks and primary key), and (2) p50/p99 latency of writing one backtest hour's decision set for 20
 * assets. Not a test: run by hand (docs/benchmarks/postgres.md). Arguments: [data dir] [rounds].
 * 20 assets x 5 years of hourly candles are synthesised from the four real 5-year files by scaling
 * prices with a fixed factor per asset (deterministic).
 */
public final class IngestBenchmark {
    private static final Instant FROM = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] FILES = {"BTC_USDT_1h.csv.gz", "ETH_USDT_1h.csv.gz", "SOL_USDT_1h.csv.gz", "DOGE_USDT_1h.csv.gz"};
    private static final int ASSETS = 20;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "../data/market");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<List<Candle>> perAsset = synthesise(dataDir);
        long rows = perAsset.stream().mapToLong(List::size).sum();
        List<Asset> assets = new ArrayList<>();
        for (int i = 1; i <= ASSETS; i++) {
            assets.add(Asset.of(i, String.format("A%02d/USDT", i)));
        }
        System.out.printf("rows per round: %,d (%d assets x %s .. %s)%n", rows, ASSETS, FROM, TO);
        for (int round = 1; round <= rounds; round++) {
            // a fresh database per round: the repository's table is append-only (no TRUNCATE), and every
            // target must start empty
            TestDatabases.Db db = TestDatabases.freshDatabase("bench_pg");
            try (HikariDataSource pool = Databases.pool(new Databases.DbTarget(db.url(), db.user(), db.password(), "bench"), 4)) {
                PostgresAdapter adapter = PostgresAdapter.create(pool);
                adapter.migrate();
                assets.forEach(adapter.referenceData()::ensureAsset);
                // LIKE ... INCLUDING ALL copies columns, defaults, checks and the primary key but not foreign
                // keys; the second copy gets market_ohlcv_hourly's asset FK back: exactly the real constraints
                exec(pool, "CREATE TABLE bench_raw_copy (LIKE market_ohlcv_hourly INCLUDING ALL)");
                exec(pool, "CREATE TABLE bench_raw_copy_fk (LIKE market_ohlcv_hourly INCLUDING ALL)");
                exec(pool, "ALTER TABLE bench_raw_copy_fk ADD CONSTRAINT fk_bench_raw_copy_fk_asset FOREIGN KEY (asset_id)"
                        + " REFERENCES asset (asset_id)");
                if (round == 1) {
                    System.out.printf("server: %s%n", db.server().kind());
                }
                // warm-up (JIT, server caches): one asset through each path, on a venue not measured
                adapter.marketData().ingestCandles("warmup", DeterministicIds.uuid("bench-warmup"), perAsset.get(0));
                rawCopy(pool, "bench_raw_copy", perAsset.get(0), "warmup");
                rawCopy(pool, "bench_raw_copy_fk", perAsset.get(0), "warmup");
                exec(pool, "TRUNCATE bench_raw_copy, bench_raw_copy_fk");
                exec(pool, "CHECKPOINT");
                long raw = 0;
                long rawFk = 0;
                long ours = 0;
                long inserted = 0;
                UUID ingest = DeterministicIds.uuid("bench-ingest", Integer.toString(round));
                // interleaved per asset, so that load from other processes hits all three alike
                for (List<Candle> one : perAsset) {
                    long t0 = System.nanoTime();
                    rawCopy(pool, "bench_raw_copy", one, "bench");
                    long t1 = System.nanoTime();
                    rawCopy(pool, "bench_raw_copy_fk", one, "bench");
                    long t2 = System.nanoTime();
                    inserted += adapter.marketData().ingestCandles("bench", ingest, one).inserted();
                    long t3 = System.nanoTime();
                    raw += t1 - t0;
                    rawFk += t2 - t1;
                    ours += t3 - t2;
                }
                if (inserted != rows) {
                    throw new IllegalStateException("repository inserted " + inserted + " of " + rows);
                }
                System.out.printf("round %d: raw COPY (copy without FK) %.2f s = %,.0f rows/s | raw COPY (copy with the FK)"
                                + " %.2f s = %,.0f rows/s | repository %.2f s = %,.0f rows/s | ours/raw = %.0f%% (no FK), %.0f%% (with FK)%n",
                        round, raw / 1e9, rows / (raw / 1e9), rawFk / 1e9, rows / (rawFk / 1e9), ours / 1e9,
                        rows / (ours / 1e9), 100.0 * raw / ours, 100.0 * rawFk / ours);
                if (round == rounds) {
                    decisionLatency(adapter, assets);
                }
            }
        }
        System.exit(0);
    }

    private static List<List<Candle>> synthesise(Path dir) throws Exception {
        List<List<Candle>> base = new ArrayList<>();
        for (String f : FILES) {
            base.add(read(dir.resolve(f)));
        }
        List<List<Candle>> out = new ArrayList<>();
        for (int i = 0; i < ASSETS; i++) {
            BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(i / FILES.length, 1)); // 1.0, 1.1, ... 1.4
            AssetId id = AssetId.of(i + 1);
            List<Candle> series = new ArrayList<>();
            for (Candle c : base.get(i % FILES.length)) {
                series.add(new Candle(id, c.openTime(), scale(c.open(), factor), scale(c.high(), factor),
                        scale(c.low(), factor), scale(c.close(), factor), c.volume()));
            }
            out.add(series);
        }
        return out;
    }

    private static BigDecimal scale(BigDecimal v, BigDecimal f) {
        return v.multiply(f).setScale(18, RoundingMode.HALF_EVEN);
    }

    private static List<Candle> read(Path file) throws Exception {
        List<Candle> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] p = line.split(",");
                Instant t = Instant.parse(p[0]);
                if (!t.isBefore(FROM) && t.isBefore(TO)) {
                    out.add(Candle.of(AssetId.of(1), HourTs.of(t), p[1], p[2], p[3], p[4], p[5]));
                }
            }
        }
        return out;
    }

    /** The reference: the same rows of one asset, one COPY in its own transaction, into an empty table. */
    private static void rawCopy(HikariDataSource pool, String table, List<Candle> one, String venue) throws Exception {
        UUID ingest = UUID.nameUUIDFromBytes(venue.getBytes(StandardCharsets.UTF_8));
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(PGConnection.class),
                    "COPY " + table + " (asset_id, hour_ts_utc, source_venue, open_price, high_price, low_price,"
                            + " close_price, volume, ingest_run_id) FROM STDIN", 1 << 16);
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(256);
            for (Candle k : one) {
                sb.setLength(0);
                sb.append(k.asset().value()).append('\t').append(k.openTime()).append('\t').append(venue).append('\t')
                        .append(k.open().toPlainString()).append('\t').append(k.high().toPlainString()).append('\t')
                        .append(k.low().toPlainString()).append('\t').append(k.close().toPlainString()).append('\t')
                        .append(k.volume().toPlainString()).append('\t').append(ingest).append('\n');
                w.append(sb);
            }
            w.flush();
            out.endCopy();
            c.commit();
        }
    }

    private static void exec(HikariDataSource pool, String sql) throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** One backtest hour: features, model outputs, signals and risk events of 20 assets (4 transactions). */
    private static void decisionLatency(PostgresAdapter adapter, List<Asset> assets) {
        AccountId account = AccountId.of(1);
        adapter.referenceData().ensureAccount(account, "bench", "USDT");
        register(adapter, "tree", ModelRole.BASE_TREE);
        register(adapter, "deep", ModelRole.BASE_DEEP);
        register(adapter, "meta", ModelRole.META);
        register(adapter, "regime", ModelRole.REGIME);
        ModelVersionId regime = modelId("regime", null);
        BacktestRunId backtest = new BacktestRunId(DeterministicIds.uuid("bench-backtest"));
        int hours = 300;
        int warmup = 30;
        long[] nanos = new long[hours - warmup];
        long[][] parts = new long[4][hours - warmup];
        HourTs start = HourTs.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < hours; i++) {
            HourTs h = start.plusHours(i);
            RunContext run = new RunContext(DeterministicIds.runId(account, RunMode.BACKTEST, h), account, RunMode.BACKTEST,
                    h, i, "a".repeat(40), "b".repeat(64), "c".repeat(64), 1, backtest, RunStatus.STARTED, h.toInstant(), null);
            adapter.runContexts().start(run);
            RunKey key = run.key();
            List<FeatureVector> features = new ArrayList<>();
            SortedMap<AssetId, StackPrediction> preds = new TreeMap<>();
            List<TradeSignal> signals = new ArrayList<>();
            List<RiskEvent> events = new ArrayList<>();
            for (Asset a : assets) {
                double x = (a.id().value() * 31 + i) % 97 / 97.0;
                List<String> names = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (int f = 0; f < 24; f++) {
                    names.add("f" + f);
                    values.add(x * f - 3.0);
                }
                features.add(new FeatureVector(a.id(), h, h.minusHours(168).toInstant(), h.toInstant(), names, values));
                List<BasePrediction> base = new ArrayList<>();
                List<MetaPrediction> metas = new ArrayList<>();
                for (Horizon hz : Horizon.values()) {
                    base.add(new BasePrediction(ModelRole.BASE_TREE, hz, modelId("tree", hz), x));
                    base.add(new BasePrediction(ModelRole.BASE_DEEP, hz, modelId("deep", hz), 1 - x));
                    metas.add(new MetaPrediction(hz, modelId("meta", hz), 0.5 * x + 0.25, x / 100, List.of(
                            new MetaComponent("tree_" + hz, ModelRole.BASE_TREE, hz, 0.5, x, 0.5 * x),
                            new MetaComponent("deep_" + hz, ModelRole.BASE_DEEP, hz, 0.5, 1 - x, 0.5 * (1 - x)),
                            new MetaComponent("regime", ModelRole.REGIME, null, 0.1, 0.7, 0.07))));
                }
                preds.put(a.id(), new StackPrediction(new RegimeResult("trend", 0.7, regime), base, metas));
                signals.add(TradeSignal.of(key, a.id(), new SignalDecision(x > 0.5 ? SignalAction.ENTER : SignalAction.HOLD,
                        new BigDecimal("100.5"), Horizon.H4, 0.5 * x + 0.25, x / 100, "trend", new BigDecimal("0.002"), "bench")));
                if (a.id().value() % 5 == 0) {
                    events.add(RiskEvent.of(account, h, RiskEventType.SIZE_REDUCED, DrawdownTier.DD10, a.id(), "drawdown-tier",
                            "size x0.5"));
                }
            }
            long t0 = System.nanoTime();
            adapter.decisionRecords().recordFeatures(key, features);
            long t1 = System.nanoTime();
            adapter.decisionRecords().recordModelOutputs(key, preds);
            long t2 = System.nanoTime();
            adapter.decisionRecords().recordSignals(key, signals);
            long t3 = System.nanoTime();
            adapter.decisionRecords().recordRiskEvents(key, events);
            long t4 = System.nanoTime();
            adapter.runContexts().finish(run.runId(), RunStatus.COMPLETED, h.toInstant(), StepHashes.empty());
            if (i >= warmup) {
                nanos[i - warmup] = t4 - t0;
                parts[0][i - warmup] = t1 - t0;
                parts[1][i - warmup] = t2 - t1;
                parts[2][i - warmup] = t3 - t2;
                parts[3][i - warmup] = t4 - t3;
            }
        }
        Arrays.sort(nanos);
        String[] names = {"features", "model outputs", "signals", "risk events"};
        for (int p = 0; p < parts.length; p++) {
            Arrays.sort(parts[p]);
            System.out.printf("  %s: p50 %.1f ms, p99 %.1f ms%n", names[p], parts[p][parts[p].length / 2] / 1e6,
                    parts[p][(int) Math.ceil(parts[p].length * 0.99) - 1] / 1e6);
        }
        System.out.printf("decision set of one backtest hour (20 assets: 20 features, 20 regimes, 180 predictions,"
                        + " 180 meta components, 20 signals, 4 risk events; 4 transactions), %d hours: p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n", nanos.length, nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    private static ModelVersionId modelId(String name, Horizon hz) {
        return new ModelVersionId(DeterministicIds.uuid("bench-model", name, hz == null ? "-" : hz.name()));
    }

    /** One version per horizon (a prediction's FK names its model's role and horizon). */
    private static void register(PostgresAdapter adapter, String name, ModelRole role) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (Horizon hz : role == ModelRole.REGIME ? new Horizon[] {null} : Horizon.values()) {
            adapter.modelRegistry().register(new ModelVersion(modelId(name, hz), name + (hz == null ? "" : "_" + hz), role,
                    hz, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"), new TreeMap<>(), 1L,
                    new TreeMap<>(), DeterministicIds.sha256Hex(bytes), true), bytes);
        }
    }
}
