package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.PortException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The one place that opens transactions: every port call is one {@link #tx} (all or nothing), and every
 * database error leaves it as a port exception naming the rule ({@link DbErrors}).
 */
final class Db {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(DSLContext tx) throws Exception;
    }

    private final DataSource dataSource;
    private final DSLContext ctx;
    /** The unit of work this thread is inside, if any: every call joins its transaction. */
    private final ThreadLocal<DSLContext> unit = new ThreadLocal<>();

    Db(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ctx = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code body} as one transaction: every {@link #tx} and {@link #read} of this thread inside it
     * joins that transaction (they see each other's writes; all commit together or none does). Nested
     * units join the outer one. A failure inside rolls the whole unit back; no retry happens inside a
     * unit, because the work before the failure would be lost with the connection.
     */
    <T> T unitOfWork(String what, java.util.function.Supplier<T> body) {
        if (unit.get() != null) {
            return body.get();
        }
        return mapped(what, ignored -> ctx.transactionResult(cfg -> {
            unit.set(cfg.dsl());
            try {
                return body.get();
            } finally {
                unit.remove();
            }
        }));
    }

    /** Runs {@code work} in one transaction; {@code what} names the call in error messages. */
    <T> T tx(String what, Work<T> work) {
        DSLContext joined = unit.get();
        if (joined != null) {
            return mapped(what, ignored -> work.run(joined));
        }
        return mapped(what, ignored -> {
            try {
                return ctx.transactionResult(cfg -> work.run(cfg.dsl()));
            } catch (DataAccessException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                // a pooled connection that died with the server (restart, failover) fails once; every port
                // write is idempotent by key, so one retry on a fresh connection is safe
                return ctx.transactionResult(cfg -> work.run(cfg.dsl()));
            }
        });
    }

    /** Port exceptions and rule violations pass as they are; everything else becomes a port exception. */
    private static <T> T mapped(String what, Work<T> work) {
        try {
            return work.run(null);
        } catch (PortException | IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            throw e;
        } catch (DataAccessException e) {
            throw DbErrors.map(what, e);
        } catch (RuntimeException e) {
            throw DbErrors.mapOther(what, e);
        } catch (Exception e) {
            throw DbErrors.mapOther(what, new IllegalStateException(e));
        }
    }

    /** A read outside an explicit transaction (one statement, or a consistent enough pair). */
    <T> T read(String what, Function<DSLContext, T> query) {
        DSLContext joined = unit.get();
        if (joined != null) {
            return mapped(what, ignored -> query.apply(joined));
        }
        try {
            try {
                return query.apply(ctx);
            } catch (DataAccessException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                return query.apply(ctx);
            }
        } catch (DataAccessException e) {
            throw DbErrors.map(what, e);
        }
    }

    /** The connection itself is gone (SQLState class 08, or the server shut it: 57P01-57P03). */
    static boolean connectionLost(DataAccessException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
            }
        }
        return false;
    }
}
