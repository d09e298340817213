package io.tradingcore.app.reliability;

import static io.tradingcore.app.reliability.SqlRows.count;
import static io.tradingcore.app.reliability.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.BacktestRunRepository.BacktestRunDefinition;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.ModelVersion;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.TradingConfig;
import io.tradingcore.ports.out.UnitOfWork;
import io.tradingcore.ports.service.HourlyCycleService;
import io.tradingcore.ports.testing.Crashes.SimulatedCrash;
import io.tradingcore.ports.testing.Crashes;
import io.tradingcore.ports.testing.CycleCommandBuilder;
import io.tradingcore.ports.testing.FakeModelStack;
import io.tradingcore.ports.testing.FixedConfigurationProvider;
import io.tradingcore.ports.testing.InMemoryMarketDataRepository;
import io.tradingcore.ports.testing.ManualClock;
import io.tradingcore.ports.testing.SimpleFeatureEngine;
import io.tradingcore.ports.testing.SimulatedExchangeGateway;
import io.tradingcore.ports.testing.SyntheticCandles;
import io.tradingcore.ports.testing.TradingConfigBuilder;
import io.tradingcore.testdb.TestDatabases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, "crash anywhere and restart", on the real PostgreSQL adapter: the hourly cycle is killed at
 * a port call (an {@link Error} thrown by a proxy, so it cannot even record FAILED), the process is
 * then taken to have died (its pool is closed, so PostgreSQL drops the session and the run's advisory
 * lock), a new pool and new ports resume the same hour and the rest, and the result must equal an
 * uninterrupted run in another database: the same step hashes per hour, the same orders on the venue
 * (none placed twice) and the same stored facts row for row, nothing left STARTED. The venue (a
 * simulated gateway) is the one object that survives the restart, as the real exchange does.
 */
class CrashResumePostgresIT {

    private static final AccountId ACCOUNT = AccountId.of(7);
    private static final HourTs START = HourTs.parse("2024-01-01T00:00:00Z");
    private static final int LOOKBACK = 6;
    private static final int HOURS = 24;
    private static final HourTs FIRST = START.plusHours(LOOKBACK);
    private static final String VENUE = "SIM";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final BacktestRunId BACKTEST = new BacktestRunId(DeterministicIds.uuid("crash-resume-pg"));
    private static final BigDecimal DEPOSIT = new BigDecimal("10000");
    private static final List<Asset> ASSETS = List.of(Asset.of(1, "BTC/USDT"), Asset.of(2, "ETH/USDT"));
    private static final TradingConfig CONFIG = TradingConfigBuilder.config().venue(VENUE).lookbackBars(LOOKBACK).build();
    /** Enough candles for every hour's lookback and for the venue to fill the last hour's orders. */
    private static final List<Candle> CANDLES = candles(LOOKBACK + HOURS + 1);

    /** Migrated and seeded once; every run gets its own copy. */
    private static TestDatabases.Db template;
    private static TestDatabases.Db clean;
    private static SimulatedExchangeGateway cleanVenue;
    private static List<CycleReport> cleanReports;
    private static int crashIndex;
    private static final AtomicInteger COPIES = new AtomicInteger();

    /** Where to die: the {@code method} of the port named {@code port}, before or after the call, once armed. */
    private record KillPoint(String port, String method, boolean afterCall, AtomicBoolean armed) {
        static final KillPoint NONE = new KillPoint("", "", false, new AtomicBoolean(false));

        <T> T wrap(String name, Class<T> type, T target) {
            return name.equals(port) ? Crashes.crashing(type, target, method, afterCall, () -> armed.getAndSet(false)) : target;
        }
    }

    @BeforeAll
    static void seedTemplateAndRunUninterrupted() throws Exception {
        template = TestDatabases.freshDatabase("crashpg");
        try (HikariDataSource pool = pool(template)) {
            seed(Wiring.persistence(pool, true));
        }
        clean = copy();
        cleanVenue = venue();
        try (HikariDataSource pool = pool(clean)) {
            Persistence p = Wiring.persistence(pool, false);
            ManualClock clock = new ManualClock(START.toInstant());
            HourlyCycleService cycle = cycle(p, cleanVenue, clock, KillPoint.NONE);
            cleanReports = new ArrayList<>();
            for (int i = 0; i < HOURS; i++) {
                cleanReports.add(runHour(UnitOfWork.NONE, cycle, clock, i));
            }
        }
        crashIndex = secondHourWithNewOrders(cleanReports);
        String crashAt = "'" + FIRST.plusHours(crashIndex).toInstant() + "'";
        assertThat(count(clean, "SELECT count(*) FROM order_request WHERE hour_ts_utc > " + crashAt))
                .as("the uninterrupted run also trades after the crash hour").isPositive();
        assertThat(count(clean, "SELECT count(*) FROM order_fill WHERE hour_ts_utc = " + crashAt)).as("fills in the crash hour")
                .isPositive();
        assertThat(count(clean, "SELECT count(*) FROM position_hourly_state WHERE quantity > 0 AND hour_ts_utc < " + crashAt))
                .as("a position is held before the crash hour").isPositive();
        System.err.println("[crash-resume-pg] crash hour " + crashIndex + " of " + HOURS + "; uninterrupted run: "
                + cleanVenue.placedOrders() + " orders on the venue, " + count(clean, "SELECT count(*) FROM order_fill") + " fills, "
                + count(clean, "SELECT count(*) FROM cash_ledger") + " ledger entries");
    }

    /** Each kill point: port, method, after the call (else before it). */
    private static final String[][] KILL_POINTS = {
        {"exchange", "submit", "false"},
        {"exchange", "submit", "true"},
        {"exchange", "fills", "false"},
        {"execution", "recordFill", "true"},
        {"execution", "recordOrders", "true"},
        {"execution", "updateOrderStatus", "true"},
        {"decisions", "recordSignals", "true"},
        {"states", "recordHourlyState", "true"},
        {"runs", "finish", "false"},
    };

    /** Every kill point, with every port call committing alone and with each hour one unit of work (as a backtest commits). */
    static Stream<Arguments> killPoints() {
        return Stream.of(false, true).flatMap(unit -> Arrays.stream(KILL_POINTS)
                .map(k -> Arguments.of(k[0], k[1], Boolean.parseBoolean(k[2]), unit)));
    }

    @ParameterizedTest(name = "crash in {0}.{1} (after the call: {2}, hour as one unit of work: {3}), restart on a new pool, resume")
    @MethodSource("killPoints")
    void resumedAfterAProcessDeathEqualsTheUninterruptedRunRowForRowAndPlacesNoOrderTwice(String port, String method,
                                                                                        boolean afterCall, boolean unit)
            throws Exception {
        TestDatabases.Db db = copy();
        SimulatedExchangeGateway venue = venue();
        KillPoint kill = new KillPoint(port, method, afterCall, new AtomicBoolean(false));
        HourTs crashHour = FIRST.plusHours(crashIndex);

        ManualClock clock = new ManualClock(START.toInstant());
        HikariDataSource dying = pool(db);
        try {
            Persistence before = Wiring.persistence(dying, false);
            HourlyCycleService doomed = cycle(before, venue, clock, kill);
            UnitOfWork units = unit ? before.units() : UnitOfWork.NONE;
            for (int i = 0; i < crashIndex; i++) {
                runHour(units, doomed, clock, i);
            }
            kill.armed().set(true);
            assertThatThrownBy(() -> runHour(units, doomed, clock, crashIndex)).isInstanceOf(SimulatedCrash.class);
            assertThat(kill.armed()).as("the kill point was reached").isFalse();
            if (unit) {
                assertThat(count(db, "SELECT count(*) FROM run_context WHERE hour_ts_utc = '" + crashHour.toInstant() + "'"))
                        .as("the dead unit left nothing of its hour").isZero();
            } else {
                try (HikariDataSource bystander = pool(db)) {
                    Persistence other = Wiring.persistence(bystander, false);
                    assertThat(other.runs().find(ACCOUNT, RunMode.BACKTEST, crashHour).orElseThrow().status())
                            .isEqualTo(RunStatus.STARTED);
                    assertThat(cycle(other, venue, clock, KillPoint.NONE).run(command(crashHour)).outcome())
                            .as("while the dead process's session lives, it still owns the hour").isEqualTo(CycleReport.Outcome.BUSY);
                }
            }
        } finally {
            // the process dies: PostgreSQL ends its sessions and drops the run's advisory lock
            dying.close();
        }

        try (HikariDataSource restarted = pool(db)) {
            Persistence p = Wiring.persistence(restarted, false);
            HourlyCycleService resumed = cycle(p, venue, clock, KillPoint.NONE);
            UnitOfWork after = unit ? p.units() : UnitOfWork.NONE;
            for (int i = crashIndex; i < HOURS; i++) {
                CycleReport r = runHour(after, resumed, clock, i);
                assertThat(r.outcome()).as("hour " + i).isEqualTo(CycleReport.Outcome.COMPLETED);
                assertThat(r.stepHashes()).as("hour " + i + " step hashes").isEqualTo(cleanReports.get(i).stepHashes());
            }
            for (int i = 0; i < HOURS; i++) {
                assertThat(p.runs().stepHashes(cleanReports.get(i).runId())).as("stored step hashes of hour " + i)
                        .contains(cleanReports.get(i).stepHashes());
            }
        }
        assertThat(venue.placedOrders()).as("orders placed on the venue").isEqualTo(cleanVenue.placedOrders());
        assertThat(venue.balances()).as("venue balances").isEqualTo(cleanVenue.balances());
        for (Map.Entry<String, String> fact : BacktestSigkillResumeIT.FACTS.entrySet()) {
            assertThat(rows(db, fact.getValue())).as(fact.getKey() + " after crash in " + port + "." + method + " + resume")
                    .containsExactlyElementsOf(rows(clean, fact.getValue()));
        }
        BacktestSigkillResumeIT.assertNothingDoubledOrHalfWritten(db);
    }

    private static HourlyCycleService cycle(Persistence p, ExchangeGateway venue, ManualClock clock, KillPoint kill) {
        return new HourlyCycleService(kill.wrap("runs", RunContextRepository.class, p.runs()), p.marketData(),
                kill.wrap("decisions", DecisionRecordRepository.class, p.decisions()),
                kill.wrap("execution", ExecutionRepository.class, p.execution()),
                kill.wrap("states", AccountStateRepository.class, p.states()), new SimpleFeatureEngine(LOOKBACK),
                new FakeModelStack(60.0), kill.wrap("exchange", ExchangeGateway.class, venue), new FixedConfigurationProvider(CONFIG),
                clock);
    }

    private static CycleReport runHour(UnitOfWork units, HourlyCycleService cycle, ManualClock clock, int i) {
        HourTs h = FIRST.plusHours(i);
        clock.set(h.toInstant().plusSeconds(5));
        return units.run(() -> cycle.run(command(h)));
    }

    private static RunHourlyCycleCommand command(HourTs hour) {
        return CycleCommandBuilder.backtest(BACKTEST, ACCOUNT, hour, ASSETS).codeVersionSha(SHA).deposit(DEPOSIT).build();
    }

    /** A venue with its own copy of the market: it fills a MARKET order of hour H at the open of H. */
    private static SimulatedExchangeGateway venue() {
        InMemoryMarketDataRepository market = new InMemoryMarketDataRepository();
        market.ingestCandles(VENUE, ingestId(), CANDLES);
        return new SimulatedExchangeGateway(market, VENUE, CONFIG.signal().costs().feeRate(), CONFIG.signal().costs().slippageRate());
    }

    private static void seed(Persistence p) {
        ASSETS.forEach(p.reference()::ensureAsset);
        p.backtests().create(new BacktestRunDefinition(BACKTEST, ACCOUNT, ASSETS.stream().map(Asset::symbol).toList(), FIRST,
                FIRST.plusHours(HOURS), 42, DEPOSIT, "{}", CONFIG.configHash(), SHA, "RUNNING"));
        // assertNothingDoubledOrHalfWritten expects a finished backtest; the cycle does not read this status
        p.backtests().updateStatus(BACKTEST, "COMPLETED");
        byte[] artifact = {1};
        String sha = DeterministicIds.sha256Hex(artifact);
        Instant from = START.minusHours(24).toInstant();
        List<ModelVersion> versions = new ArrayList<>();
        versions.add(model(ModelRole.REGIME, null, from, sha));
        for (Horizon h : Horizon.values()) {
            for (ModelRole role : List.of(ModelRole.BASE_TREE, ModelRole.BASE_DEEP, ModelRole.META)) {
                versions.add(model(role, h, from, sha));
            }
        }
        versions.forEach(v -> p.registry().register(v, artifact));
        p.marketData().ingestCandles(VENUE, ingestId(), CANDLES);
    }

    private static ModelVersion model(ModelRole role, Horizon h, Instant from, String sha) {
        return new ModelVersion(FakeModelStack.versionOf(role, h), "fake-" + role + "-" + (h == null ? "all" : h.name()), role, h,
                from, START.toInstant(), new TreeMap<>(), 42L, new TreeMap<>(), sha, false);
    }

    private static List<Candle> candles(int hours) {
        List<Candle> all = new ArrayList<>(SyntheticCandles.walk(ASSETS.get(0).id(), START, hours, 11, new BigDecimal("42000.5"), 0.02));
        all.addAll(SyntheticCandles.walk(ASSETS.get(1).id(), START, hours, 12, new BigDecimal("2300.25"), 0.03));
        return List.copyOf(all);
    }

    private static UUID ingestId() {
        return UUID.nameUUIDFromBytes("crash-resume-pg".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The second hour that places an order: the crashed hour then starts from stored hours before it (cash,
     * positions and ledger from an earlier trade), not from the initial deposit.
     */
    private static int secondHourWithNewOrders(List<CycleReport> reports) {
        boolean seen = false;
        for (int i = 0; i < reports.size(); i++) {
            HourTs h = FIRST.plusHours(i);
            if (reports.get(i).orders().stream().anyMatch(o -> o.request().hour().equals(h))) {
                if (seen) {
                    return i;
                }
                seen = true;
            }
        }
        throw new AssertionError("the scenario places orders in fewer than two hours");
    }

    private static TestDatabases.Db copy() throws java.sql.SQLException {
        String name = template.url().substring(template.url().lastIndexOf('/') + 1);
        return SqlRows.copyOf(template, name + "_" + COPIES.incrementAndGet());
    }

    private static HikariDataSource pool(TestDatabases.Db db) {
        return Databases.pool(new Databases.DbTarget(db.url(), db.user(), db.password(), "crash-resume " + db.url()), 4);
    }
}
