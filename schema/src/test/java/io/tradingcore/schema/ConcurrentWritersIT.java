package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.testdb.MigratedDatabases;
import io.tradingcore.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sum-of-fills and ledger-chain triggers read other rows; they lock the order / account row
 * first, so two transactions appending at once are serialised instead of both passing the check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWritersIT {

    private TestDatabases.Db db;

    @BeforeAll
    void seed() throws SQLException {
        db = MigratedDatabases.freshMigrated("concurrent_writers_it");
        try (Connection c = db.connect()) {
            for (Row r : new Row[] {Fixture.account(), Fixture.asset(Fixture.BTC, "BTC"), Fixture.runContext(),
                    Fixture.tradeSignal(), Fixture.orderRequest()}) {
                r.insert(c);
            }
        }
    }

    @Test
    void twoFillsRacingPastTheOrderQuantityCannotBothCommit() throws Exception {
        assertSecondWriterWaitsAndIsRefused(
                Fixture.orderFill().with("fill_qty", "6"),
                Fixture.orderFill().with("fill_id", "00000000-0000-0000-0000-0000000000f2")
                        .with("exchange_trade_id", "t-2").with("fill_qty", "6"),
                "trg_order_fill_within_requested_qty");
        assertThat(single("SELECT sum(fill_qty) FROM order_fill")).isEqualTo("6.000000000000000000");
    }

    @Test
    void twoLedgerEntriesRacingForTheSameSequenceCannotBothCommit() throws Exception {
        // the second writer waits on the account lock, then finds entry 1 taken
        assertSecondWriterWaitsAndIsRefused(Fixture.deposit(1, "100", "100"), Fixture.deposit(1, "50", "50"),
                "pk_cash_ledger");
        assertThat(single("SELECT string_agg(balance_after::text, ',') FROM cash_ledger")).isEqualTo("100.000000000000000000");
    }

    private void assertSecondWriterWaitsAndIsRefused(Row first, Row second, String refusedBy) throws Exception {
        try (Connection a = db.connect(); Connection b = db.connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            first.insert(a);
            CompletableFuture<Void> racer = CompletableFuture.runAsync(() -> {
                try {
                    second.insert(b);
                    b.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            // the second writer must be blocked on the first one's lock, not racing ahead
            Thread.sleep(300);
            assertThat(racer).isNotDone();
            a.commit();
            assertThatThrownBy(() -> racer.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining(refusedBy);
            b.rollback();
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
