package io.tradingcore.application.bench;

import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.adapter.postgres.PostgresAdapter;
import io.tradingcore.domain.HourTs;
import io.tradingcore.testdb.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What PostgreSQL allows for exactly the rows a persisted backtest wrote: they are read back from its
 * database and COPYed into a freshly migrated one (every constraint, FK and trigger in place), in FK order,
 * one transaction per unit of the same hours as the backtest's units. Only the COPY into the fresh
 * database and its commit are timed (and metered for CPU); reading the rows back is not.
 */
final class CopyBaseline {
    /** The tables an hourly cycle writes; everything they reference is copied first, untimed. */
    static final List<String> CYCLE_TABLES = List.of("run_context", "run_step_hash", "feature_snapshot", "regime_output",
            "model_prediction", "meta_learner_component", "trade_signal", "trade_signal_detail", "risk_event", "order_request",
            "order_fill", "executed_trade", "cash_ledger", "cash_entry_ref", "position_hourly_state", "portfolio_hourly_state",
            "risk_hourly_state");

    /** Tables written hour by hour within a unit (their triggers check against earlier hours' rows). */
    private static final List<String> ORDER_TABLES = List.of("order_request", "order_fill", "executed_trade", "cash_ledger",
            "cash_entry_ref");

    record Result(long rows, long nanos, long jvmCpuNanos, long pgCpuNanos) {
    }

    private CopyBaseline() {
    }

    static Result run(DataSource source, HourTs from, HourTs to, int hoursPerUnit) throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("bench_copy");
        try (var target = Databases.pool(new Databases.DbTarget(db.url(), db.user(), db.password(), "copy"), 2);
             Connection src = source.getConnection(); Connection dst = target.getConnection()) {
            PostgresAdapter.create(target).migrate();
            List<String> order = fkOrder(src);
            CopyManager out = src.unwrap(PGConnection.class).getCopyAPI();
            CopyManager in = dst.unwrap(PGConnection.class).getCopyAPI();
            for (String t : order) {
                if (!CYCLE_TABLES.contains(t)) {
                    // through a staging table: the migration may have stored some reference rows already
                    try (Statement st = dst.createStatement()) {
                        st.execute("CREATE TEMP TABLE staged (LIKE " + t + ")");
                        in.copyIn("COPY staged FROM STDIN", new ByteArrayInputStream(export(out, "SELECT * FROM " + t)));
                        st.execute("INSERT INTO " + t + " SELECT * FROM staged ON CONFLICT DO NOTHING");
                        st.execute("DROP TABLE staged");
                    }
                }
            }
            CpuMeter cpu = new CpuMeter(target);
            dst.setAutoCommit(false);
            long rows = 0;
            long nanos = 0;
            for (HourTs h = from; h.isBefore(to); h = h.plusHours(hoursPerUnit)) {
                HourTs end = h.plusHours(hoursPerUnit).isBefore(to) ? h.plusHours(hoursPerUnit) : to;
                List<byte[]> data = new ArrayList<>();
                List<String> tables = new ArrayList<>();
                boolean ordersDone = false;
                for (String t : order) {
                    if (!CYCLE_TABLES.contains(t)) {
                        continue;
                    }
                    if (!ORDER_TABLES.contains(t)) {
                        tables.add(t);
                        data.add(export(out, unitRows(t, "'" + h + "'", "'" + end + "'")));
                    } else if (!ordersDone) {
                        // orders, fills, trades and cash hour by hour: a SELL is checked against the fills stored
                        // before it (trg_order_request_sell_within_filled_position), as the backtest wrote them
                        ordersDone = true;
                        // within an hour: fills of earlier orders (booked first by the cycle), then the hour's
                        // orders, their own fills, the trades and the cash entries
                        for (HourTs hh = h; hh.isBefore(end); hh = hh.plusHours(1)) {
                            String hourFrom = "'" + hh + "'";
                            String hourNext = "'" + hh.plusHours(1) + "'";
                            String fills = "SELECT f.* FROM order_fill f JOIN order_request o USING (order_id) WHERE f.hour_ts_utc >= "
                                    + hourFrom + " AND f.hour_ts_utc < " + hourNext + " AND o.hour_ts_utc %s " + hourFrom
                                    + " ORDER BY f.order_id, f.fill_ts_utc";
                            tables.add("order_fill");
                            data.add(export(out, fills.formatted("<")));
                            tables.add("order_request");
                            data.add(export(out, unitRows("order_request", hourFrom, hourNext)));
                            tables.add("order_fill");
                            data.add(export(out, fills.formatted(">=")));
                            for (String o : List.of("executed_trade", "cash_ledger", "cash_entry_ref")) {
                                tables.add(o);
                                data.add(export(out, unitRows(o, hourFrom, hourNext)));
                            }
                        }
                    }
                }
                long[] c0 = cpu.read();
                long t0 = System.nanoTime();
                for (int i = 0; i < tables.size(); i++) {
                    if (data.get(i).length > 0) { // an hour without orders: no statement
                        rows += in.copyIn("COPY " + tables.get(i) + " FROM STDIN", new ByteArrayInputStream(data.get(i)));
                    }
                }
                dst.commit();
                nanos += System.nanoTime() - t0;
                cpu.add(c0);
            }
            return new Result(rows, nanos, cpu.jvmNanos, cpu.pgNanos);
        }
    }

    /** The rows of {@code table} that belong to the hours [from, to), in an order its triggers accept. */
    private static String unitRows(String table, String from, String to) {
        String hours = "hour_ts_utc >= " + from + " AND hour_ts_utc < " + to;
        return switch (table) {
            case "run_step_hash" -> "SELECT s.* FROM run_step_hash s JOIN run_context r USING (run_id) WHERE r." + hours;
            case "trade_signal_detail" -> "SELECT d.* FROM trade_signal_detail d JOIN trade_signal s USING (signal_id) WHERE s." + hours;
            case "cash_ledger" -> "SELECT * FROM cash_ledger WHERE " + hours + " ORDER BY account_id, entry_seq";
            case "cash_entry_ref" -> "SELECT e.* FROM cash_entry_ref e JOIN cash_ledger l USING (account_id, entry_seq) WHERE l." + hours;
            case "order_fill" -> "SELECT * FROM order_fill WHERE " + hours + " ORDER BY order_id, fill_ts_utc";
            default -> "SELECT * FROM " + table + " WHERE " + hours;
        };
    }

    private static byte[] export(CopyManager out, String query) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        out.copyOut("COPY (" + query + ") TO STDOUT", buf);
        return buf.toByteArray();
    }

    /**
     * The cycle tables and everything they reference (transitively), referenced tables first.
     */
    private static List<String> fkOrder(Connection c) throws Exception {
        TreeMap<String, Set<String>> refs = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT cl.relname, ref.relname FROM pg_constraint k
                JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class ref ON ref.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE k.contype = 'f' AND n.nspname = current_schema()""")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2))) {
                    refs.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
        }
        Set<String> needed = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(CYCLE_TABLES);
        while (!todo.isEmpty()) {
            String t = todo.remove(0);
            if (needed.add(t)) {
                todo.addAll(refs.getOrDefault(t, Set.of()));
            }
        }
        List<String> order = new ArrayList<>();
        TreeSet<String> left = new TreeSet<>(needed);
        while (!left.isEmpty()) {
            // ties: referenced tables by name, then the cycle tables in the order of CYCLE_TABLES (triggers
            // look up rows without an FK: a meta component needs its META prediction)
            String next = left.stream().filter(t -> refs.getOrDefault(t, Set.of()).stream().noneMatch(left::contains))
                    .min(java.util.Comparator.comparingInt((String t) -> CYCLE_TABLES.indexOf(t)).thenComparing(t -> t)).orElseThrow(() -> new IllegalStateException("FK cycle among " + left));
            order.add(next);
            left.remove(next);
        }
        return order;
    }
}
