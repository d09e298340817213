package io.tradingcore.adapter.postgres;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.BacktestQueryRepository;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jooq.Record;

/**
 * Summaries of backtest_run with their headline figures computed by one query (window functions over each run's
 * portfolio_hourly_state), and exports of the rows written under a backtest's run contexts.
 */
final class PgBacktestQueryRepository implements BacktestQueryRepository {
    private static final double PERIODS_PER_YEAR = 8760.0;

    /** Per backtest: hours done, last equity, mean and sample stddev of hourly returns from V_0 = capital, max drawdown. */
    private static final String CURVE = """
            curve AS (
              SELECT rc.backtest_run_id, p.hour_ts_utc, p.equity,
                     lag(p.equity) OVER w AS prev_equity,
                     max(p.equity) OVER (w ROWS UNBOUNDED PRECEDING) AS peak,
                     row_number() OVER (PARTITION BY rc.backtest_run_id ORDER BY p.hour_ts_utc DESC) AS from_end
                FROM portfolio_hourly_state p JOIN run_context rc ON rc.run_id = p.run_id
               WHERE rc.backtest_run_id IS NOT NULL %s
              WINDOW w AS (PARTITION BY rc.backtest_run_id ORDER BY p.hour_ts_utc)),
            rets AS (
              SELECT c.backtest_run_id, c.equity, c.from_end,
                     CASE WHEN coalesce(c.prev_equity, b.initial_capital) = 0 THEN 0
                          ELSE c.equity / coalesce(c.prev_equity, b.initial_capital) - 1 END AS ret,
                     greatest(c.peak, b.initial_capital) AS peak
                FROM curve c JOIN backtest_run b ON b.backtest_run_id = c.backtest_run_id),
            figures AS (
              SELECT backtest_run_id, count(*) AS hours, max(equity) FILTER (WHERE from_end = 1) AS final_equity,
                     avg(ret::float8) AS mean_ret, stddev_samp(ret::float8) AS sd_ret, max((peak - equity) / peak) AS max_dd
                FROM rets GROUP BY backtest_run_id),
            trades AS (
              SELECT rc.backtest_run_id, count(*) AS n
                FROM executed_trade t JOIN run_context rc ON rc.run_id = t.run_id
               WHERE rc.backtest_run_id IS NOT NULL %s
               GROUP BY rc.backtest_run_id)
            """;

    private static final String SUMMARY = "WITH " + CURVE + """
            SELECT b.backtest_run_id, b.asset_symbols, extract(epoch FROM b.test_start_ts_utc)::bigint,
                   extract(epoch FROM b.test_end_ts_utc)::bigint, b.random_seed, b.config_hash, b.code_version_sha,
                   b.status, b.failure_reason, (extract(epoch FROM b.created_at_utc) * 1000000)::bigint,
                   (extract(epoch FROM b.completed_at_utc) * 1000000)::bigint, b.initial_capital,
                   coalesce(f.hours, 0), f.final_equity, f.mean_ret, f.sd_ret, coalesce(f.max_dd, 0), coalesce(t.n, 0)
              FROM backtest_run b
              LEFT JOIN figures f ON f.backtest_run_id = b.backtest_run_id
              LEFT JOIN trades t ON t.backtest_run_id = b.backtest_run_id
            """;

    private enum Type { TEXT, NUMBER, TIME }

    private record Col(String name, String sql, Type type) {
    }

    private record Export(List<Col> columns, String fromWhereOrder) {
    }

    private static final String OF_RUN = " JOIN run_context rc ON rc.run_id = x.run_id JOIN asset a ON a.asset_id = x.asset_id"
            + " WHERE rc.backtest_run_id = ?";

    private static final Map<ExportKind, Export> EXPORTS = new EnumMap<>(ExportKind.class);

    static {
        EXPORTS.put(ExportKind.TRADES, new Export(List.of(
                time("executed_at_utc", "x.executed_at_utc"), time("hour_ts_utc", "x.hour_ts_utc"), text("asset", "a.symbol"),
                text("side", "x.side::text"), num("quantity", "x.quantity"), num("price", "x.price"),
                num("gross_notional", "x.gross_notional"), num("fee_quote", "x.fee_quote"), num("realized_pnl", "x.realized_pnl"),
                text("trade_id", "x.trade_id::text"), text("order_id", "x.order_id::text"), text("fill_id", "x.fill_id::text")),
                " FROM executed_trade x" + OF_RUN + " ORDER BY x.executed_at_utc, x.trade_id"));
        EXPORTS.put(ExportKind.ORDERS, new Export(List.of(
                time("hour_ts_utc", "x.hour_ts_utc"), text("asset", "a.symbol"), text("side", "x.side::text"),
                text("order_type", "x.order_type::text"), text("status", "x.status::text"), num("requested_qty", "x.requested_qty"),
                num("limit_price", "x.limit_price"), num("requested_notional", "x.requested_notional"),
                num("reserved_fee", "x.reserved_fee"), text("status_reason", "x.status_reason"),
                text("order_id", "x.order_id::text"), text("client_order_id", "x.client_order_id"),
                text("signal_id", "x.signal_id::text"), text("venue_order_id", "x.venue_order_id")),
                " FROM order_request x" + OF_RUN + " ORDER BY x.hour_ts_utc, x.client_order_id"));
        EXPORTS.put(ExportKind.FILLS, new Export(List.of(
                time("fill_ts_utc", "x.fill_ts_utc"), time("hour_ts_utc", "x.hour_ts_utc"), text("asset", "a.symbol"),
                text("side", "o.side::text"), num("fill_qty", "x.fill_qty"), num("fill_price", "x.fill_price"), num("fee", "x.fee"),
                text("fee_asset", "x.fee_asset"), text("liquidity", "x.liquidity"), text("fill_id", "x.fill_id::text"),
                text("order_id", "x.order_id::text"), text("exchange_trade_id", "x.exchange_trade_id")),
                " FROM order_fill x JOIN order_request o ON o.order_id = x.order_id JOIN run_context rc ON rc.run_id = x.run_id"
                        + " JOIN asset a ON a.asset_id = o.asset_id WHERE rc.backtest_run_id = ? ORDER BY x.fill_ts_utc, x.fill_id"));
        EXPORTS.put(ExportKind.SIGNALS, new Export(List.of(
                time("hour_ts_utc", "x.hour_ts_utc"), text("asset", "a.symbol"), text("action", "x.action::text"),
                text("horizon", "x.horizon::text"), num("probability", "x.probability"), num("expected_return", "x.expected_return"),
                num("target_notional", "x.target_notional"), text("signal_id", "x.signal_id::text")),
                " FROM trade_signal x" + OF_RUN + " ORDER BY x.hour_ts_utc, a.symbol, x.signal_id"));
        EXPORTS.put(ExportKind.LEDGER, new Export(List.of(
                text("entry_seq", "x.entry_seq::text"), time("entry_ts_utc", "x.entry_ts_utc"), time("hour_ts_utc", "x.hour_ts_utc"),
                text("entry_type", "x.entry_type"), num("amount", "x.amount"), num("balance_after", "x.balance_after"),
                text("trade_id", "x.trade_id::text"), text("description", "x.description")),
                " FROM cash_ledger x JOIN backtest_run b ON b.account_id = x.account_id WHERE b.backtest_run_id = ?"
                        + " ORDER BY x.entry_seq"));
        EXPORTS.put(ExportKind.RISK_EVENTS, new Export(List.of(
                time("hour_ts_utc", "x.hour_ts_utc"), text("event_type", "x.event_type"), text("from_tier", "x.from_tier::text"),
                text("to_tier", "x.to_tier::text"), text("asset", "a.symbol"), text("reason", "x.reason"),
                text("details", "x.details::text"), text("risk_event_id", "x.risk_event_id::text"),
                text("signal_id", "x.signal_id::text"), text("order_id", "x.order_id::text")),
                " FROM risk_event x JOIN run_context rc ON rc.run_id = x.run_id LEFT JOIN asset a ON a.asset_id = x.asset_id"
                        + " WHERE rc.backtest_run_id = ? ORDER BY x.hour_ts_utc, x.risk_event_id"));
    }

    private final Db db;

    PgBacktestQueryRepository(Db db) {
        this.db = db;
    }

    @Override
    public List<RunSummary> list() {
        String sql = String.format(SUMMARY, "", "") + " ORDER BY b.created_at_utc DESC, b.backtest_run_id";
        return db.read("listing backtests", ctx -> ctx.fetch(sql).map(PgBacktestQueryRepository::summary));
    }

    @Override
    public Optional<RunSummary> summary(BacktestRunId id) {
        String sql = String.format(SUMMARY, "AND rc.backtest_run_id = ?", "AND rc.backtest_run_id = ?")
                + " WHERE b.backtest_run_id = ?";
        return db.read("reading backtest " + id.value(),
                ctx -> ctx.fetchOptional(sql, id.value(), id.value(), id.value()).map(PgBacktestQueryRepository::summary));
    }

    @Override
    public Table export(BacktestRunId id, ExportKind kind) {
        Export e = EXPORTS.get(kind);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < e.columns().size(); i++) {
            Col c = e.columns().get(i);
            sql.append(i == 0 ? "" : ", ").append(switch (c.type()) {
                case TIME -> "(extract(epoch FROM " + c.sql() + ") * 1000000)::bigint::text";
                case NUMBER, TEXT -> c.sql() + "::text";
            });
        }
        sql.append(e.fromWhereOrder());
        return db.read("exporting " + kind + " of backtest " + id.value(), ctx -> {
            if (!ctx.fetchExists(ctx.selectOne().from("backtest_run").where("backtest_run_id = ?", id.value()))) {
                throw new NoSuchElementException("no backtest with id " + id.value());
            }
            List<List<String>> rows = new ArrayList<>();
            for (Record r : ctx.fetch(sql.toString(), id.value())) {
                List<String> row = new ArrayList<>(e.columns().size());
                for (int i = 0; i < e.columns().size(); i++) {
                    String v = r.get(i, String.class);
                    row.add(v != null && e.columns().get(i).type() == Type.TIME ? micros(Long.parseLong(v)).toString() : v);
                }
                rows.add(java.util.Collections.unmodifiableList(row));
            }
            return new Table(e.columns().stream().map(c -> new Column(c.name(), c.type() == Type.NUMBER)).toList(), rows);
        });
    }

    private static RunSummary summary(Record r) {
        BigDecimal capital = r.get(11, BigDecimal.class);
        long hours = r.get(12, Long.class);
        BigDecimal finalEquity = r.get(13, BigDecimal.class);
        Double mean = r.get(14, Double.class);
        Double sd = r.get(15, Double.class);
        OptionalDouble totalReturn = finalEquity == null ? OptionalDouble.empty()
                : OptionalDouble.of(finalEquity.divide(capital, MathContext.DECIMAL64).subtract(BigDecimal.ONE).doubleValue());
        OptionalDouble sharpe = hours < 2 || mean == null || sd == null || sd == 0.0 ? OptionalDouble.empty()
                : OptionalDouble.of(mean / sd * Math.sqrt(PERIODS_PER_YEAR));
        Long completed = r.get(10, Long.class);
        return new RunSummary(new BacktestRunId(r.get(0, UUID.class)), Arrays.asList(r.get(1, String[].class)),
                HourTs.of(Instant.ofEpochSecond(r.get(2, Long.class))), HourTs.of(Instant.ofEpochSecond(r.get(3, Long.class))),
                r.get(4, Integer.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class),
                r.get(8, String.class), micros(r.get(9, Long.class)), completed == null ? null : micros(completed), capital,
                hours, Optional.ofNullable(finalEquity), totalReturn, sharpe,
                r.get(16, BigDecimal.class).setScale(18, java.math.RoundingMode.HALF_EVEN), r.get(17, Long.class));
    }

    private static Instant micros(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }

    private static Col text(String name, String sql) {
        return new Col(name, sql, Type.TEXT);
    }

    private static Col num(String name, String sql) {
        return new Col(name, sql, Type.NUMBER);
    }

    private static Col time(String name, String sql) {
        return new Col(name, sql, Type.TIME);
    }
}
