package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.proposed;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskHourlyState;
import io.tradingcore.domain.risk.TradingState;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.HourlyState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The previous-state read ({@code AccountStateRepository.latestBefore}, what PAPER and LIVE run every hour
 * and a backtest at the start of each unit) at hour 24 and at hour 8,760 of one account's run: it must stay
 * flat (within 2x). For comparison, the earlier query (ordered by portfolio_hourly_state.hour_ts_utc, which
 * no index of the join serves) on the same data. Not a test: run by hand (docs/benchmarks.md).
 */
public final class StateReadBenchmark {
    private static final String OLD_QUERY = "SELECT p.run_id, p.hour_ts_utc FROM portfolio_hourly_state p JOIN run_context r"
            + " ON r.run_id = p.run_id WHERE r.account_id = ? AND r.run_mode = 'BACKTEST' AND p.hour_ts_utc < ?"
            + " ORDER BY p.hour_ts_utc DESC LIMIT 1";

    /** The first statement of latestBefore (account 1, BACKTEST), for its plan. */
    private static final String NEW_QUERY = "SELECT recent.run_id, recent.hour_ts_utc FROM (SELECT run_id, hour_ts_utc"
            + " FROM run_context WHERE account_id = 1 AND run_mode = 'BACKTEST' AND hour_ts_utc < ? ORDER BY hour_ts_utc DESC"
            + " LIMIT 48) recent JOIN portfolio_hourly_state p ON p.run_id = recent.run_id AND p.hour_ts_utc = recent.hour_ts_utc"
            + " ORDER BY recent.hour_ts_utc DESC LIMIT 1";

    public static void main(String[] args) throws Exception {
        int hours = args.length > 0 ? Integer.parseInt(args[0]) : 8_760;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        try (PgTestSupport pg = PgTestSupport.open("bench_state_read")) {
            HourTs first = HourTs.parse("2023-01-01T00:00:00Z");
            long t0 = System.nanoTime();
            for (int u = 0; u < hours; u += 24) {
                int from = u;
                pg.adapter.unitOfWork().run(() -> {
                    for (int i = from; i < Math.min(hours, from + 24); i++) {
                        HourTs h = first.plusHours(i);
                        RunContext p = proposed(RunMode.BACKTEST, h);
                        pg.adapter.runContexts().start(p);
                        pg.adapter.accountState().recordHourlyState(p.key(), state(h, i));
                        pg.adapter.runContexts().finish(p.runId(), RunStatus.COMPLETED, h.toInstant().plusSeconds(1),
                                StepHashes.empty().with(CycleStep.DATA, "e".repeat(64)));
                    }
                    return null;
                });
            }
            System.out.printf(Locale.ROOT, "wrote %d hours of state in %.1f s%n", hours, (System.nanoTime() - t0) / 1e9);
            pg.execute("VACUUM ANALYZE");
            AccountStateRepository states = pg.adapter.accountState();
            HourTs early = first.plusHours(24);
            HourTs late = first.plusHours(hours);
            if (!states.latestBefore(ACCOUNT, RunMode.BACKTEST, late).orElseThrow().hour().equals(late.minusHours(1))) {
                throw new IllegalStateException("latestBefore did not return the last hour");
            }
            long[] a = new long[calls];
            long[] b = new long[calls];
            long[] oldA = new long[calls];
            long[] oldB = new long[calls];
            try (Connection c = pg.pool.getConnection(); PreparedStatement old = c.prepareStatement(OLD_QUERY)) {
                for (int i = 0; i < calls; i++) {
                    a[i] = time(() -> states.latestBefore(ACCOUNT, RunMode.BACKTEST, early));
                    b[i] = time(() -> states.latestBefore(ACCOUNT, RunMode.BACKTEST, late));
                    if (i < calls / 10) {
                        oldA[i] = time(() -> run(old, early));
                        oldB[i] = time(() -> run(old, late));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "latestBefore, %d calls each: hour 24 median %.3f ms p90 %.3f | hour %d median %.3f ms"
                            + " p90 %.3f | ratio of medians %.2f%n", calls, median(a), p90(a), hours, median(b), p90(b),
                    median(b) / median(a));
            long[] oa = Arrays.copyOf(oldA, calls / 10);
            long[] ob = Arrays.copyOf(oldB, calls / 10);
            System.out.printf(Locale.ROOT, "earlier query (first statement only), %d calls each: hour 24 median %.3f ms |"
                    + " hour %d median %.3f ms%n", calls / 10, median(oa), hours, median(ob));
            for (HourTs h : List.of(early, late)) {
                System.out.println("plan of the state query before " + h + ":");
                try (Connection c = pg.pool.getConnection(); java.sql.Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) " + NEW_QUERY.replace("?", "'" + h + "'"))) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
        }
        System.exit(0);
    }

    private static HourlyState state(HourTs h, int i) {
        BigDecimal cash = Decimals.of("1000").add(BigDecimal.valueOf(i));
        PositionState btc = new PositionState(PgTestSupport.BTC.id(), h, Decimals.of("0.5"), Decimals.of("100"),
                Decimals.of("101"), Decimals.of("50.5"), Decimals.ZERO, Decimals.of("0.5"));
        BigDecimal equity = cash.add(Decimals.of("50.5"));
        return new HourlyState(h, List.of(btc), new PortfolioState(h, cash, Decimals.of("50.5"), equity, equity, Decimals.ZERO),
                new RiskHourlyState(h, DrawdownTier.NORMAL, Decimals.ZERO, equity, equity, false, TradingState.ACTIVE));
    }

    private static void run(PreparedStatement old, HourTs before) {
        try {
            old.setShort(1, ACCOUNT.value());
            old.setTimestamp(2, Timestamp.from(before.toInstant()));
            try (ResultSet rs = old.executeQuery()) {
                rs.next();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    private static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double p90(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[(int) (s.length * 0.9)] / 1e6;
    }
}
