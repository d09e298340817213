package io.tradingcore.application.bench;

import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.FoldPlan;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.ingest.CandleCsvReader;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.ReportingRepository;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.UnitOfWork;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ReferenceDataRepository;
import io.tradingcore.ports.testing.InMemoryAccountStateRepository;
import io.tradingcore.ports.testing.InMemoryBacktestRepository;
import io.tradingcore.ports.testing.InMemoryDecisionRecordRepository;
import io.tradingcore.ports.testing.InMemoryExecutionRepository;
import io.tradingcore.ports.testing.InMemoryMarketDataRepository;
import io.tradingcore.ports.testing.InMemoryModelRegistry;
import io.tradingcore.ports.testing.InMemoryRunContextRepository;
import io.tradingcore.testdb.TestDatabases;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Backtest throughput: the same walk-forward backtest through the full cycle, once with every row
 * persisted to a real PostgreSQL (embedded unless TRADING_TEST_DB_URL is set) and once with in-memory
 * stores. Prints asset-hours per second of the hourly cycles alone (model training excluded: "models
 * already trained"), training time, wall time and the peak heap. Not a test: run it by hand (docs/benchmarks.md).
 *
 * <p>Arguments: [assets=BTC/USDT,ETH/USDT,SOL/USDT,DOGE/USDT] [from=2025-03-01] [to=2025-03-15]
 */
public final class BacktestBenchmark {

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        String symbols = args.length > 0 ? args[0] : "BTC/USDT,ETH/USDT,SOL/USDT,DOGE/USDT";
        HourTs from = HourTs.parse((args.length > 1 ? args[1] : "2025-03-01") + "T00:00:00Z");
        HourTs to = HourTs.parse((args.length > 2 ? args[2] : "2025-03-15") + "T00:00:00Z");
        // -Dbench.testHours=720 gives monthly folds (a 2-year run trains 24 stacks instead of 104)
        ConfigLoader.Loaded cfg = ConfigLoader.parse("""
                trading: {signal: {decisionHorizon: H24}}
                walkForward: {trainHours: 2160, testHours: %d}
                """.formatted(Integer.getInteger("bench.testHours", 168)), "benchmark");
        List<Asset> assets = new ArrayList<>();
        int id = 1;
        for (String s : symbols.split(",")) {
            assets.add(Asset.of(id++, s.strip()));
        }
        // -Dbench.replicas=N (heap at many assets; only 5 real series exist): each asset also N-1 times more under
        // its own id and symbol (BTCR2/USDT, ...), with the real series' candles. Benchmark only: the copies trade
        // the same prices, so they say nothing about returns, only about memory and throughput per asset.
        int replicas = Integer.getInteger("bench.replicas", 1);
        for (Asset real : List.copyOf(assets)) {
            for (int k = 2; k <= replicas; k++) {
                Asset copy = Asset.of(id++, real.base() + "R" + k + "/" + real.quote());
                assets.add(copy);
                SERIES.put(copy.id(), real);
            }
        }
        Path data = Path.of(System.getProperty("data.dir", "data/market"));

        System.out.println("load average at start: " + loadAverage());
        // -Dbench.marketAhead=0,4: each backtest once per value, the market side of that many hours computed ahead on a
        // second thread (0: sequential; default WalkForwardBacktest.DEFAULT_MARKET_AHEAD)
        List<Run> all = new ArrayList<>();
        for (String ahead : System.getProperty("bench.marketAhead", String.valueOf(WalkForwardBacktest.DEFAULT_MARKET_AHEAD)).split(",")) {
            marketAhead = Integer.parseInt(ahead.strip());
            String suffix = " ahead " + marketAhead;
            // in memory first (also warms the JIT for the code shared by both runs); -Dbench.only=persisted skips it
            // (a small -Xmx then shows what the persisted backtest itself needs)
            Run memory = "persisted".equals(System.getProperty("bench.only")) ? null : runInMemory(assets, from, to, cfg, data);
            all.add(memory == null ? null : memory.named(memory.name() + suffix));
            // -Dbench.memoryRuns=N runs the in-memory backtest N times in this JVM: the later runs show the engine with its
            // code compiled (the first run pays the JIT compiling the cycle and the training's code beside it)
            for (int i = 1; memory != null && i < Integer.getInteger("bench.memoryRuns", 1); i++) {
                Run r = runInMemory(assets, from, to, cfg, data);
                all.add(r.named(r.name() + suffix + " #" + (i + 1)));
            }
            // -Dbench.only=memory skips the persisted run (profiling the cycle's own cost)
            int warmupDays = Integer.getInteger("bench.warmupDays", 0);
            if (warmupDays > 0 && !"memory".equals(System.getProperty("bench.only"))) {
                // -Dbench.warmupDays=N: the persisted path's own code (jOOQ, the driver, COPY encoding, the writer) compiled
                // by the JIT first, in a throwaway database over the first N days; nothing of it is reported
                runPersisted(assets, from, from.plusHours(24L * warmupDays), cfg, data, false);
                System.out.println("warmed up: persisted run over the first " + warmupDays + " days, not timed (-Dbench.warmupDays)");
            }
            Run persisted = "memory".equals(System.getProperty("bench.only")) ? null : runPersisted(assets, from, to, cfg, data, true);
            all.add(persisted == null ? null : persisted.named(persisted.name() + suffix));
        }
        long assetHours = from.hoursUntil(to) * assets.size();
        System.out.printf(Locale.ROOT, "backtest %s .. %s, %d assets, %d asset-hours, %d folds%n", from, to, assets.size(),
                assetHours, FoldPlan.of(from, to, cfg.config().walkForward()).folds().size());
        for (Run r : all.stream().filter(java.util.Objects::nonNull).toList()) {
            System.out.printf(Locale.ROOT, "%-28s units %7.1f s = %8.1f asset-hours/s | training %6.1f s | wall %6.1f s | peak heap %5d MiB"
                            + " | CPU per asset-hour: JVM %.3f ms (engine thread %.3f, JIT %.3f, GC %.3f, other threads %.3f), PostgreSQL %s%n",
                    r.name, r.cycleNanos / 1e9, assetHours / (r.cycleNanos / 1e9), r.trainNanos / 1e9, r.wallNanos / 1e9,
                    r.peakHeapBytes / (1024 * 1024), r.jvmCpuNanos / 1e6 / assetHours,
                    r.cpu.threadNanos / 1e6 / assetHours, r.cpu.jitNanos / 1e6 / assetHours, r.cpu.gcNanos / 1e6 / assetHours,
                    // the rest of the JVM: the market side computed ahead, the unit writer (persisted), ...
                    (r.jvmCpuNanos - r.cpu.threadNanos - r.cpu.jitNanos - r.cpu.gcNanos) / 1e6 / assetHours,
                    ms(r.pgCpuNanos, assetHours));
        }
        for (Run persisted : all.stream().filter(r -> r != null && r.copy != null).toList()) {
            CopyBaseline.Result c = persisted.copy;
            double copyRate = assetHours / (c.nanos() / 1e9);
            double ours = assetHours / (persisted.cycleNanos / 1e9);
            System.out.printf(Locale.ROOT, "%-28s units %7.1f s = %8.1f asset-hours/s (%d rows, %.0f rows/s) | CPU per asset-hour:"
                            + " JVM %.3f ms, PostgreSQL %s%n", "COPY of the same rows", c.nanos() / 1e9, copyRate, c.rows(),
                    c.rows() / (c.nanos() / 1e9), c.jvmCpuNanos() / 1e6 / assetHours, ms(c.pgCpuNanos(), assetHours));
            System.out.printf(Locale.ROOT, "%s / COPY = %.1f%% (target >= 60%%)%n", persisted.name, 100 * ours / copyRate);
        }
        System.out.println("load average at end: " + loadAverage() + " (2 cores; above 2 the figures are shared with other work)");
        System.exit(0);
    }

    /** The 1, 5 and 15 minute load averages of the machine (/proc/loadavg), or "unknown". */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String ms(long nanos, long assetHours) {
        return nanos < 0 ? "unknown (server not local)" : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6 / assetHours);
    }

    record Run(String name, long cycleNanos, long trainNanos, long wallNanos, long peakHeapBytes, long jvmCpuNanos,
               CpuMeter cpu, long pgCpuNanos, CopyBaseline.Result copy) {
        Run named(String n) {
            return new Run(n, cycleNanos, trainNanos, wallNanos, peakHeapBytes, jvmCpuNanos, cpu, pgCpuNanos, copy);
        }

        Run withCopy(CopyBaseline.Result c) {
            return new Run(name, cycleNanos, trainNanos, wallNanos, peakHeapBytes, jvmCpuNanos, cpu, pgCpuNanos, c);
        }
    }

    /**
     * Times each unit of work end to end, its commit included (the backtest's hourly cycles all run inside
     * units; training, fold results and the run's bookkeeping run outside them), and meters its CPU; overlapped
     * units from the first of a chain until the last has committed.
     */
    static final class TimedUnits implements UnitOfWork {
        private final UnitOfWork inner;
        private final CpuMeter cpu;
        long nanos;

        TimedUnits(UnitOfWork inner, CpuMeter cpu) {
            this.inner = inner;
            this.cpu = cpu;
        }

        @Override
        public <T> T run(java.util.function.Supplier<T> body) {
            long[] c0 = cpu.read();
            long t0 = System.nanoTime();
            try {
                return inner.run(body);
            } finally {
                nanos += System.nanoTime() - t0;
                cpu.add(c0);
            }
        }

        /** Start of the open chain of overlapped units (nanoTime) and its CPU clocks, or null outside one. */
        private long chainStart;
        private long[] chainCpu;

        /**
         * Overlapped units (the backtest's): a chain is timed from its first unit's start until all of it is
         * committed ({@link #awaitCommitted}), so the writer thread's work is inside the figure.
         */
        @Override
        public <T> T runOverlapped(java.util.function.Supplier<T> body) {
            if (chainCpu == null) {
                chainCpu = cpu.read();
                chainStart = System.nanoTime();
            }
            return inner.runOverlapped(body);
        }

        @Override
        public void awaitCommitted() {
            try {
                inner.awaitCommitted();
            } finally {
                if (chainCpu != null) {
                    nanos += System.nanoTime() - chainStart;
                    cpu.add(chainCpu);
                    chainCpu = null;
                }
            }
        }
    }

    static Run runPersisted(List<Asset> assets, HourTs from, HourTs to, ConfigLoader.Loaded cfg, Path data, boolean measured)
            throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("bench_backtest");
        try (var ds = Databases.pool(new Databases.DbTarget(db.url(), db.user(), db.password(), "bench"), 4)) {
            Persistence p = Wiring.persistence(ds, true);
            assets.forEach(p.reference()::ensureAsset);
            load(p.marketData(), assets, data, cfg);
            if (Boolean.getBoolean("bench.analyzeFirst")) {
                // issue 14 item 6: statistics that say the cycle's tables are empty (ANALYZE before their first row)
                // must not turn the FK and trigger lookups into sequential scans of tables that then grow
                try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
                System.out.println("ANALYZEd every table before the persisted run (-Dbench.analyzeFirst)");
            }
            PortTimer t = new PortTimer();
            TimedUnits units = new TimedUnits(p.units(), new CpuMeter(ds));
            Run r = timed("persisted (PostgreSQL)", new Persistence(t.wrap(RunContextRepository.class, p.runs()),
                    t.wrap(MarketDataRepository.class, p.marketData()), t.wrap(DecisionRecordRepository.class, p.decisions()),
                    t.wrap(ExecutionRepository.class, p.execution()), t.wrap(AccountStateRepository.class, p.states()),
                    p.folds(), p.backtests(), p.registry(), p.reference(), p.reporting(), units), MlModels.trainer(),
                    assets, from, to, cfg, units);
            if (!measured || !Boolean.parseBoolean(System.getProperty("bench.copy", "true"))) {
                // -Dbench.copy=false: no COPY baseline (a 5-year x 20-asset heap run would spend as long again on it)
                return r;
            }
            if (Boolean.getBoolean("bench.portTimes")) {
                t.print("persisted");
            }
            // the same rows, COPYed into a fresh schema with every constraint, in units of the same hours
            return r.withCopy(CopyBaseline.run(ds, from, to, Integer.getInteger("bench.commitEvery", WalkForwardBacktest.DEFAULT_HOURS_PER_COMMIT)));
        }
    }

    static Run runInMemory(List<Asset> assets, HourTs from, HourTs to, ConfigLoader.Loaded cfg, Path data) throws Exception {
        InMemoryMarketDataRepository market = new InMemoryMarketDataRepository();
        load(market, assets, data, cfg);
        MemoryReference reference = new MemoryReference();
        PortTimer t = new PortTimer();
        TimedUnits units = new TimedUnits(UnitOfWork.NONE, new CpuMeter(null));
        Run r = timed("in memory (no persistence)", new Persistence(t.wrap(RunContextRepository.class,
                new InMemoryRunContextRepository()), t.wrap(MarketDataRepository.class, market),
                t.wrap(DecisionRecordRepository.class, new InMemoryDecisionRecordRepository()),
                t.wrap(ExecutionRepository.class, new InMemoryExecutionRepository()),
                t.wrap(AccountStateRepository.class, new InMemoryAccountStateRepository()),
                new InMemoryBacktestRepository(), reference, new InMemoryModelRegistry(), reference, notUsed(ReportingRepository.class),
                units), t.timedTrainer(MlModels.trainer()), assets, from, to, cfg, units);
        if (Boolean.getBoolean("bench.portTimes")) {
            t.print("in memory");
        }
        return r;
    }

    /** Hours whose market side the backtests compute ahead on a second thread (-Dbench.marketAhead). */
    private static int marketAhead = WalkForwardBacktest.DEFAULT_MARKET_AHEAD;

    /** The real asset whose series a replica (-Dbench.replicas) trades. */
    private static final java.util.Map<io.tradingcore.domain.AssetId, Asset> SERIES = new java.util.HashMap<>();

    private static void load(MarketDataRepository market, List<Asset> assets, Path data, ConfigLoader.Loaded cfg) throws Exception {
        for (Asset a : assets) {
            Asset real = SERIES.getOrDefault(a.id(), a);
            Path f = data.resolve(real.base() + "_" + real.quote() + "_1h.csv.gz");
            market.ingestCandles(cfg.config().trading().venue(), UUID.nameUUIDFromBytes((a == real ? f.toString() : f + "#" + a.symbol()).getBytes()),
                    CandleCsvReader.read(f, a.id()).candles());
        }
    }

    /** A port the backtest does not call (the in-memory run has no reports). */
    private static <T> T notUsed(Class<T> port) {
        return port.cast(java.lang.reflect.Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, m, args) -> {
            throw new UnsupportedOperationException(port.getSimpleName() + "." + m.getName() + " is not used by a backtest");
        }));
    }

    private static Run timed(String name, Persistence ports, io.tradingcore.ports.out.ModelTrainer trainer, List<Asset> assets,
                             HourTs from, HourTs to, ConfigLoader.Loaded cfg, TimedUnits units) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long[] cycle = {0};
        long[] train = {0};
        long[] mark = {System.nanoTime()};
        long t0 = System.nanoTime();
        new WalkForwardBacktest(ports, trainer, Integer.getInteger("bench.commitEvery", WalkForwardBacktest.DEFAULT_HOURS_PER_COMMIT))
                .marketAhead(marketAhead).run(new WalkForwardBacktest.Request(assets, from, to, cfg, 42, "0".repeat(40)),
                new WalkForwardBacktest.Progress() {
                    @Override
                    public void started(BacktestRunId id, AccountId account, long totalHours, long alreadyDone) {
                        mark[0] = System.nanoTime();
                    }

                    @Override
                    public void foldTrained(FoldPlan.Fold fold, int models) {
                        long now = System.nanoTime();
                        train[0] += now - mark[0];
                        mark[0] = now;
                    }

                    @Override
                    public void hourDone(HourTs hour, CycleReport report) {
                        long now = System.nanoTime();
                        cycle[0] += now - mark[0];
                        mark[0] = now;
                    }

                    @Override
                    public void finished() {
                    }
                });
        long wall = System.nanoTime() - t0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // the units' own clock: the hourly callbacks above end before each unit's last writes and commit
        return new Run(name, units.nanos, train[0], wall, peak, units.cpu.jvmNanos, units.cpu,
                units.cpu.pgNanos, null);
    }
}
