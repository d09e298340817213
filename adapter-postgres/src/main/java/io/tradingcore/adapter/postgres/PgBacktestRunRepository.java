package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.ACCOUNT;
import static io.tradingcore.adapter.postgres.jooq.Tables.BACKTEST_RUN;

import io.tradingcore.adapter.postgres.jooq.tables.records.BacktestRunRecord;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.ConflictingWriteException;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jooq.JSONB;

/** backtest_run (status updatable, everything else immutable by trigger). */
final class PgBacktestRunRepository implements BacktestRunRepository {
    private final Db db;

    PgBacktestRunRepository(Db db) {
        this.db = db;
    }

    @Override
    public BacktestRunDefinition create(BacktestRunDefinition d) {
        return db.tx("storing backtest " + d.id().value(), tx -> {
            var acc = tx.newRecord(ACCOUNT);
            acc.setAccountId(d.account().value());
            acc.setAccountName(BacktestRunRepository.accountName(d.id()));
            acc.setCashCurrency(quoteOf(d.assetSymbols()));
            Idempotent.insert(tx, ACCOUNT, List.of(acc), "account", x -> "account " + x.getAccountId(),
                    java.util.Set.of(ACCOUNT.CREATED_AT_UTC));
            BacktestRunRecord r = tx.newRecord(BACKTEST_RUN);
            r.setBacktestRunId(d.id().value());
            r.setAccountId(d.account().value());
            r.setAssetSymbols(d.assetSymbols().toArray(String[]::new));
            r.setTestStartTsUtc(d.testFrom().toInstant());
            r.setTestEndTsUtc(d.testTo().toInstant());
            r.setRandomSeed(d.seed());
            r.setInitialCapital(d.initialCapital());
            r.setConfigCanonical(JSONB.valueOf(d.configCanonicalJson()));
            r.setConfigHash(d.configHash());
            r.setCodeVersionSha(d.codeVersionSha());
            r.setStatus(d.status());
            // a concurrent creator of the same id may win: its row is the definition (uq_backtest_run_account
            // still refuses another backtest on this account)
            tx.insertInto(BACKTEST_RUN).set(r).onConflict(BACKTEST_RUN.BACKTEST_RUN_ID).doNothing().execute();
            BacktestRunDefinition stored = toDefinition(tx.selectFrom(BACKTEST_RUN)
                    .where(BACKTEST_RUN.BACKTEST_RUN_ID.eq(d.id().value())).fetchSingle());
            if (!sameDefinition(stored, d)) {
                throw new ConflictingWriteException("backtest " + d.id().value() + " is already stored with another definition");
            }
            return stored;
        });
    }

    private static String quoteOf(List<String> symbols) {
        String s = symbols.get(0);
        return s.substring(s.indexOf('/') + 1);
    }

    private static boolean sameDefinition(BacktestRunDefinition a, BacktestRunDefinition b) {
        return a.id().equals(b.id()) && a.assetSymbols().equals(b.assetSymbols()) && a.testFrom().equals(b.testFrom())
                && a.testTo().equals(b.testTo()) && a.seed() == b.seed()
                && a.initialCapital().compareTo(b.initialCapital()) == 0 && a.configHash().equals(b.configHash())
                && a.codeVersionSha().equals(b.codeVersionSha());
    }

    @Override
    public Optional<BacktestRunDefinition> find(BacktestRunId id) {
        return db.read("reading backtest " + id.value(), ctx -> ctx.selectFrom(BACKTEST_RUN)
                .where(BACKTEST_RUN.BACKTEST_RUN_ID.eq(id.value())).fetchOptional().map(PgBacktestRunRepository::toDefinition));
    }

    @Override
    public void updateStatus(BacktestRunId id, String status) {
        setStatus(id, status, "FAILED".equals(status) ? "no reason recorded" : null);
    }

    @Override
    public void markFailed(BacktestRunId id, String reason) {
        String r = reason == null || reason.isBlank() ? "no reason recorded" : reason;
        setStatus(id, "FAILED", r.length() > 2000 ? r.substring(0, 2000) + " ..." : r);
    }

    private void setStatus(BacktestRunId id, String status, String reason) {
        db.tx("updating backtest " + id.value(), tx -> {
            int n = tx.update(BACKTEST_RUN).set(BACKTEST_RUN.STATUS, status)
                    .set(BACKTEST_RUN.FAILURE_REASON, reason)
                    .set(BACKTEST_RUN.COMPLETED_AT_UTC, "COMPLETED".equals(status)
                            ? org.jooq.impl.DSL.currentInstant() : org.jooq.impl.DSL.inline((java.time.Instant) null))
                    .where(BACKTEST_RUN.BACKTEST_RUN_ID.eq(id.value())).execute();
            if (n == 0) {
                throw new NoSuchElementException("no backtest " + id.value());
            }
            return n;
        });
    }

    /**
     * A session-level advisory lock keyed by the backtest id, held on a connection of its own: PostgreSQL drops it
     * with the connection when the process dies, so a killed owner never blocks a resume. The one-bigint key space
     * is separate from the (int, int) keys {@link PgRunContextRepository} uses for hours.
     */
    @Override
    public Optional<Claim> claim(BacktestRunId id, java.time.Duration wait) {
        long key = id.value().getMostSignificantBits() ^ id.value().getLeastSignificantBits();
        java.sql.Connection c;
        try {
            c = db.dataSource().getConnection();
            c.setAutoCommit(true);
        } catch (java.sql.SQLException e) {
            throw new io.tradingcore.ports.out.StoreUnavailableException("cannot open a connection to own backtest "
                    + id.value() + ": " + SchemaMigrator.rootMessage(e), e);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!advisory(c, "SELECT pg_try_advisory_lock(?)", key, id)) {
                if (System.nanoTime() - deadline >= 0) {
                    c.close();
                    return Optional.empty();
                }
                Thread.sleep(200);
            }
        } catch (java.sql.SQLException | InterruptedException | RuntimeException e) {
            try {
                c.close();
            } catch (java.sql.SQLException ignored) {
                // the lock goes with the connection anyway
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new io.tradingcore.ports.out.StoreUnavailableException("waiting for backtest " + id.value() + " failed: "
                    + SchemaMigrator.rootMessage(e), e);
        }
        return Optional.of(() -> {
            try (c) {
                advisory(c, "SELECT pg_advisory_unlock(?)", key, id); // a pooled connection must not keep it
            } catch (java.sql.SQLException | RuntimeException e) {
                // closing the connection drops the lock anyway
            }
        });
    }

    private static boolean advisory(java.sql.Connection c, String sql, long key, BacktestRunId id) {
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new io.tradingcore.ports.out.StoreUnavailableException("cannot take or release the lock of backtest "
                    + id.value() + ": " + SchemaMigrator.rootMessage(e), e);
        }
    }

    @Override
    public List<BacktestRunDefinition> all() {
        return db.read("listing backtests", ctx -> ctx.selectFrom(BACKTEST_RUN)
                .orderBy(BACKTEST_RUN.CREATED_AT_UTC.desc(), BACKTEST_RUN.BACKTEST_RUN_ID).fetch(PgBacktestRunRepository::toDefinition));
    }

    private static BacktestRunDefinition toDefinition(BacktestRunRecord r) {
        return new BacktestRunDefinition(new BacktestRunId(r.getBacktestRunId()), new AccountId(r.getAccountId()),
                Arrays.asList(r.getAssetSymbols()), HourTs.of(r.getTestStartTsUtc()), HourTs.of(r.getTestEndTsUtc()),
                r.getRandomSeed(), r.getInitialCapital(), r.getConfigCanonical().data(), r.getConfigHash(),
                r.getCodeVersionSha(), r.getStatus());
    }
}
