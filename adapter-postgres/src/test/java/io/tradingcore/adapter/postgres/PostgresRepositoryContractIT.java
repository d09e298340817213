package io.tradingcore.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.testing.RepositoryContract;
import io.tradingcore.testdb.TestDatabases;
import java.lang.reflect.Constructor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The ports' repository contracts (the same tests the in-memory stores pass) on PostgreSQL. */
class PostgresRepositoryContractIT extends RepositoryContract {
    private HikariDataSource pool;
    private PostgresAdapter adapter;

    @Override
    protected Stores freshStores() {
        pool = PgTestSupport.pool(TestDatabases.freshDatabase("pg_contract"));
        adapter = PostgresAdapter.create(pool);
        adapter.migrate();
        return stores(adapter.runContexts(), adapter.marketData(), adapter.decisionRecords(), adapter.execution(),
                adapter.accountState());
    }

    /**
     * A protected nested record's constructor is protected too, so a subclass in another package cannot
     * call it; reflection stands in until the record (or a factory) is public in the ports test-jar.
     */
    private static Stores stores(Object... repositories) {
        try {
            Constructor<?> c = Stores.class.getDeclaredConstructors()[0];
            c.setAccessible(true);
            return (Stores) c.newInstance(repositories);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build RepositoryContract.Stores: " + e, e);
        }
    }

    @Override
    protected void createReferenceData(Stores stores, AccountId account, List<Asset> assets) {
        adapter.referenceData().ensureAccount(account, "contract account", "USDT");
        assets.forEach(adapter.referenceData()::ensureAsset);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
