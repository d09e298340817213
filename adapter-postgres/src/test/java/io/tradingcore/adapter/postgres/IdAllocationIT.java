package io.tradingcore.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.BacktestRunRepository.BacktestRunDefinition;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, items 3 and 7: account and asset ids are allocated atomically in the database, by racing threads
 * and by racing processes (child JVMs). Before the fix the only way to get a new id was
 * {@code nextFreeAccount()} / max+1 read first and inserted later, so racers took the same id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdAllocationIT {
    private static final int RACERS = 8;

    private PgTestSupport t;
    private ReferenceDataRepository reference;

    @BeforeAll
    void open() {
        t = PgTestSupport.open("idalloc");
        reference = t.adapter.referenceData();
    }

    @AfterAll
    void close() {
        t.close();
    }

    private static <T> List<T> race(int n, java.util.function.IntFunction<T> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return work.apply(k);
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threadsRegisteringOneNewAccountNameAllGetTheOneId() throws Exception {
        List<AccountId> ids = race(RACERS, i -> reference.registerAccount("paper-threads-same", "USDT"));
        assertThat(new TreeSet<>(ids.stream().map(AccountId::value).toList())).hasSize(1);
        assertThat(count("SELECT count(*) FROM account WHERE account_name = 'paper-threads-same'")).isEqualTo(1);
    }

    @Test
    void threadsRegisteringDifferentNewAccountsGetDifferentIds() throws Exception {
        List<AccountId> ids = race(RACERS, i -> reference.registerAccount("paper-threads-" + i, "USDT"));
        assertThat(new TreeSet<>(ids.stream().map(AccountId::value).toList())).hasSize(RACERS);
        for (int i = 0; i < RACERS; i++) {
            assertThat(count("SELECT account_id FROM account WHERE account_name = 'paper-threads-" + i + "'"))
                    .isEqualTo(ids.get(i).value());
        }
    }

    @Test
    void threadsRegisteringAssetsGetOneIdPerSymbol() throws Exception {
        List<Asset> same = race(RACERS, i -> reference.registerAsset("SOL/USDT"));
        assertThat(same.stream().distinct()).hasSize(1);
        List<Asset> different = race(RACERS, i -> reference.registerAsset("T" + i + "/USDT"));
        assertThat(different.stream().map(a -> a.id().value()).distinct()).hasSize(RACERS);
        assertThat(reference.assets()).contains(same.get(0)).containsAll(different);
    }

    @Test
    void anAccountNameKeepsItsCashCurrency() {
        reference.registerAccount("live-usdt", "USDT");
        assertThatThrownBy(() -> reference.registerAccount("live-usdt", "EUR"))
                .isInstanceOf(ConflictingWriteException.class).hasMessageContaining("live-usdt", "USDT", "EUR");
    }

    @Test
    void twoCreatorsOfOneBacktestShareTheStoredDefinitionAndItsAccount() throws Exception {
        BacktestRunId id = new BacktestRunId(UUID.fromString("00000000-0000-5000-8000-00000000b717"));
        BacktestRunRepository backtests = t.adapter.backtestRuns();
        List<BacktestRunDefinition> stored = race(RACERS, i -> backtests.create(definition(id,
                reference.registerAccount(BacktestRunRepository.accountName(id), "USDT"))));
        assertThat(stored.stream().distinct()).hasSize(1);
        assertThat(backtests.find(id)).contains(stored.get(0));
        assertThat(count("SELECT account_id FROM account WHERE account_name = '" + BacktestRunRepository.accountName(id) + "'"))
                .isEqualTo(stored.get(0).account().value());
    }

    @Test
    void aBacktestCannotBeStoredOnAnotherBacktestsAccount() {
        BacktestRunId first = new BacktestRunId(UUID.fromString("00000000-0000-5000-8000-00000000b718"));
        BacktestRunId second = new BacktestRunId(UUID.fromString("00000000-0000-5000-8000-00000000b719"));
        AccountId account = reference.registerAccount(BacktestRunRepository.accountName(first), "USDT");
        t.adapter.backtestRuns().create(definition(first, account));
        assertThatThrownBy(() -> t.adapter.backtestRuns().create(definition(second, account)))
                .isInstanceOf(ConflictingWriteException.class);
    }

    @Test
    void childProcessesRacingForAccountsAndAssetsGetAtomicIds(@TempDir Path dir) throws Exception {
        Path go = dir.resolve("go");
        List<Process> children = new ArrayList<>();
        // 3 processes register one new account name, 3 register three new names, 2 one new asset, 2 two new assets
        String[][] jobs = {{"account", "racing-same"}, {"account", "racing-same"}, {"account", "racing-same"},
            {"account", "racing-a"}, {"account", "racing-b"}, {"account", "racing-c"},
            {"asset", "ADA/USDT"}, {"asset", "ADA/USDT"}, {"asset", "DOT/USDT"}, {"asset", "XRP/USDT"}};
        for (String[] job : jobs) {
            children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), IdAllocationChild.class.getName(),
                    t.db.url(), t.db.user(), t.db.password(), go.toString(), job[0], job[1])
                    .redirectErrorStream(true).start());
        }
        Thread.sleep(2_000); // every child is connected and polling for the go-file
        Files.writeString(go, "go");
        List<Integer> ids = new ArrayList<>();
        for (Process p : children) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
            String out = output(p);
            assertThat(p.exitValue()).as(out).isZero();
            ids.add(Integer.parseInt(out.lines().filter(l -> l.startsWith("id=")).findFirst().orElseThrow().substring(3)));
        }
        assertThat(ids.subList(0, 3).stream().distinct()).hasSize(1);
        assertThat(ids.subList(0, 6).stream().distinct()).hasSize(4);
        assertThat(ids.get(6)).isEqualTo(ids.get(7));
        assertThat(ids.subList(6, 10).stream().distinct()).hasSize(3);
        assertThat(count("SELECT count(*) FROM account WHERE account_name LIKE 'racing-%'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM asset WHERE symbol IN ('ADA/USDT', 'DOT/USDT', 'XRP/USDT')")).isEqualTo(3);
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static BacktestRunDefinition definition(BacktestRunId id, AccountId account) {
        return new BacktestRunDefinition(id, account, List.of("BTC/USDT"), HourTs.parse("2026-01-01T00:00:00Z"),
                HourTs.parse("2026-01-02T00:00:00Z"), 7, new BigDecimal("10000"), "{}", PgTestSupport.SHA64,
                PgTestSupport.SHA40, "RUNNING");
    }

    private long count(String sql) {
        return t.count(sql);
    }
}
