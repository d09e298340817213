package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 12 append-only tables refuse UPDATE, DELETE and TRUNCATE; the 3 hourly state tables do not. */
class AppendOnlyIT extends SchemaTestSupport {

    static List<String> appendOnlyTables() {
        return SchemaInfo.APPEND_ONLY_TABLES;
    }

    /** One valid row in every table, inserted in dependency order. */
    @BeforeEach
    void oneRowEverywhere() throws SQLException {
        insert(Fixture.ohlcv(), Fixture.bookSnapshot(), Fixture.featureSnapshot(), Fixture.regimeOutput(),
                Fixture.treePrediction(), Fixture.metaPrediction(), Fixture.metaComponent(), Fixture.tradeSignal(),
                Fixture.orderRequest(), Fixture.orderFill(), Fixture.executedTrade(), Fixture.deposit(1, "1000", "1000"),
                Fixture.riskEvent(), Fixture.foldResult(), Fixture.positionState(), Fixture.portfolioState(),
                Fixture.riskState(Fixture.PORTFOLIO_DRAWDOWN, "NORMAL", false));
    }

    private static String violation(String table, String op) {
        return "append-only violation on table " + table + ", operation " + op + " is not allowed";
    }

    @ParameterizedTest
    @MethodSource("appendOnlyTables")
    void storesRowsInEveryAppendOnlyTable(String table) throws SQLException {
        assertThat(Integer.parseInt(queryString("SELECT count(*) FROM " + table))).isPositive();
    }

    @ParameterizedTest
    @MethodSource("appendOnlyTables")
    void refusesUpdate(String table) throws SQLException {
        String column = queryString("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                + "' AND is_generated = 'NEVER' ORDER BY ordinal_position DESC LIMIT 1");
        assertThat(rejectedSql("UPDATE " + table + " SET " + column + " = " + column)).contains(violation(table, "UPDATE"));
    }

    @ParameterizedTest
    @MethodSource("appendOnlyTables")
    void refusesDelete(String table) throws SQLException {
        assertThat(rejectedSql("DELETE FROM " + table)).contains(violation(table, "DELETE"));
    }

    @ParameterizedTest
    @MethodSource("appendOnlyTables")
    void refusesTruncate(String table) throws SQLException {
        String before = queryString("SELECT count(*) FROM " + table);
        assertThat(rejectedSql("TRUNCATE " + table + " CASCADE")).contains("append-only violation on table ", "TRUNCATE");
        assertThat(queryString("SELECT count(*) FROM " + table)).isEqualTo(before);
    }

    @Test
    void truncateNamesTheTruncatedTable() throws SQLException {
        // a table nothing references, so TRUNCATE without CASCADE reaches only its own trigger
        assertThat(rejectedSql("TRUNCATE market_ohlcv_hourly")).contains(violation("market_ohlcv_hourly", "TRUNCATE"));
        assertThat(rejectedSql("TRUNCATE risk_event")).contains(violation("risk_event", "TRUNCATE"));
    }

    @Test
    void refusesUpdateEvenWhenNoColumnChanges() throws SQLException {
        assertThat(rejectedSql("UPDATE cash_ledger SET amount = amount")).contains(violation("cash_ledger", "UPDATE"));
    }

    @Test
    void theThreeHourlyStateTablesStayUpdatableAndDeletable() throws SQLException {
        exec("UPDATE position_hourly_state SET mark_price = 106, market_value = 424, unrealized_pnl = 24");
        exec("UPDATE portfolio_hourly_state SET peak_equity = 12000, drawdown_pct = 0.06");
        exec("UPDATE risk_hourly_state SET drawdown_pct = 0.06");
        exec("DELETE FROM risk_hourly_state");
        assertThat(queryString("SELECT count(*) FROM risk_hourly_state")).isEqualTo("0");
    }
}
