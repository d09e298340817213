package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.IngestResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Append-only bulk ingest through PostgreSQL's COPY (jOOQ has no COPY, so the transaction's connection is
 * unwrapped to PgJDBC's). When no stored row can collide (nothing of the batch's venue, assets and time
 * range exists yet) the rows are copied straight into the table under a savepoint; otherwise, or if a
 * concurrent writer got there first, they are copied into a temporary staging table and moved with
 * INSERT ... SELECT ... ON CONFLICT DO NOTHING, and a join lists the keys whose stored values differ.
 *
 * @param <T> the domain row
 */
final class CopyIngest<T> {
    private final Table<?> table;
    private final List<Field<?>> columns;
    private final List<Field<?>> keyColumns;
    private final List<Field<?>> valueColumns;
    private final BiConsumer<T, Row> writer;
    private final Function<Record, String> conflictKey;

    /** One COPY text line being written. */
    static final class Row {
        private final StringBuilder sb = new StringBuilder(256);
        private boolean first = true;

        Row add(Object v) {
            if (!first) {
                sb.append('\t');
            }
            first = false;
            if (v == null) {
                sb.append("\\N");
                return this;
            }
            RecordCopy.escaped(sb, v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString());
            return this;
        }

        private void reset() {
            sb.setLength(0);
            first = true;
        }
    }

    CopyIngest(Table<?> table, List<Field<?>> columns, List<Field<?>> keyColumns, List<Field<?>> valueColumns,
               BiConsumer<T, Row> writer, Function<Record, String> conflictKey) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        this.valueColumns = List.copyOf(valueColumns);
        this.writer = writer;
        this.conflictKey = conflictKey;
    }

    /**
     * Ingests {@code rows} (already free of in-batch duplicates) in the caller's transaction.
     *
     * @param mayCollide whether stored rows may share keys with the batch (false: direct COPY is tried)
     */
    IngestResult ingest(DSLContext tx, List<T> rows, boolean mayCollide, int batchDuplicates) {
        if (rows.isEmpty()) {
            return new IngestResult(0, batchDuplicates, 0, List.of());
        }
        if (!mayCollide) {
            Long copied = tx.connectionResult(c -> directCopy(c, rows));
            if (copied != null) {
                return new IngestResult(Math.toIntExact(copied), batchDuplicates, 0, List.of());
            }
        }
        return staged(tx, rows, batchDuplicates);
    }

    /** COPY into the table itself; null if a key collided (the savepoint undid the attempt). */
    private Long directCopy(Connection c, List<T> rows) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try {
            long n = copy(c, table.getQualifiedName(), rows);
            c.releaseSavepoint(sp);
            return n;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                c.rollback(sp);
                return null;
            }
            throw e;
        }
    }

    private IngestResult staged(DSLContext tx, List<T> rows, int batchDuplicates) {
        Name stageName = DSL.name("stage_" + table.getName());
        Table<Record> stage = DSL.table(stageName);
        tx.execute("CREATE TEMPORARY TABLE IF NOT EXISTS {0} (LIKE {1} INCLUDING DEFAULTS) ON COMMIT DROP", stage, table);
        tx.truncate(stage).execute();
        tx.connectionResult(c -> copy(c, stageName, rows));
        List<Field<?>> staged = new ArrayList<>();
        for (Field<?> f : columns) {
            staged.add(DSL.field(DSL.name(stageName, DSL.name(f.getName())), f.getDataType()));
        }
        int inserted = tx.insertInto(table, columns).select(DSL.select(staged).from(stage))
                .onConflictDoNothing().execute();
        Condition join = DSL.noCondition();
        for (Field<?> k : keyColumns) {
            join = join.and(eqStaged(k, stageName));
        }
        Condition differs = DSL.falseCondition();
        for (Field<?> v : valueColumns) {
            differs = differs.or(distinctStaged(v, stageName));
        }
        List<String> keys = new ArrayList<>();
        List<Field<?>> keySelect = new ArrayList<>();
        for (Field<?> k : keyColumns) {
            keySelect.add(k);
        }
        for (Record r : tx.select(keySelect).from(table).join(stage).on(join).where(differs).orderBy(keySelect).fetch()) {
            keys.add(conflictKey.apply(r));
        }
        int duplicates = rows.size() - inserted - keys.size();
        return new IngestResult(inserted, duplicates + batchDuplicates, keys.size(), keys);
    }

    @SuppressWarnings("unchecked")
    private static Condition eqStaged(Field<?> f, Name stage) {
        Field<Object> t = (Field<Object>) f;
        return t.eq(DSL.field(DSL.name(stage, DSL.name(f.getName())), t.getDataType()));
    }

    @SuppressWarnings("unchecked")
    private static Condition distinctStaged(Field<?> f, Name stage) {
        Field<Object> t = (Field<Object>) f;
        return t.isDistinctFrom(DSL.field(DSL.name(stage, DSL.name(f.getName())), t.getDataType()));
    }

    private long copy(Connection c, Name target, List<T> rows) throws SQLException {
        StringBuilder cols = new StringBuilder();
        for (Field<?> f : columns) {
            cols.append(cols.length() == 0 ? "" : ", ").append('"').append(f.getName()).append('"');
        }
        StringBuilder quoted = new StringBuilder();
        for (String part : target.getName()) {
            quoted.append(quoted.length() == 0 ? "" : ".").append('"').append(part).append('"');
        }
        String sql = "COPY " + quoted + " (" + cols + ") FROM STDIN";
        PGConnection pg = c.unwrap(PGConnection.class);
        PGCopyOutputStream out = new PGCopyOutputStream(pg, sql, 1 << 16);
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Row row = new Row();
            for (T t : rows) {
                row.reset();
                writer.accept(t, row);
                w.append(row.sb).append('\n');
            }
            w.flush();
            return out.endCopy();
        } catch (IOException e) {
            SQLException cause = e.getCause() instanceof SQLException s ? s : null;
            if (out.isActive()) {
                try {
                    out.cancelCopy();
                } catch (SQLException ignored) {
                    // the server side already failed; its error is the one to report
                }
            }
            if (cause != null) {
                throw cause;
            }
            throw new DataAccessException("COPY into " + target + " failed: " + e.getMessage(), e);
        }
    }
}
