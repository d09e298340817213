package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.ConflictingWriteException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * The write rule of append-only tables, in the caller's transaction: one multi-row
 * {@code INSERT ... ON CONFLICT DO NOTHING RETURNING key}; rows that were not inserted are read back and
 * compared. An identical stored row is skipped; a different one throws {@link ConflictingWriteException},
 * which rolls the whole call back. Race-free: a concurrent writer's row is either seen by ON CONFLICT
 * (then compared) or not there at all.
 */
final class Idempotent {
    /** Bind values per multi-row statement, well under the protocol's limit of 65,535. */
    static final int MAX_BIND_VALUES = 30_000;

    private Idempotent() {
    }

    /**
     * Inserts {@code rows} (all with the same columns set) into {@code table}; columns in {@code ignored}
     * are written but not compared (e.g. a mutable status).
     *
     * @return the number of rows newly inserted
     */
    static <R extends TableRecord<R>> int insert(DSLContext tx, Table<R> table, List<R> rows, String family,
                                                  Function<R, String> describe, Set<Field<?>> ignored) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<TableField<R, ?>> key = table.getPrimaryKey().getFields();
        List<Field<?>> columns = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (rows.get(0).changed(f)) {
                columns.add(f);
            }
        }
        rows = distinct(rows, key, columns, ignored, family, describe);
        int perStatement = Math.max(1, MAX_BIND_VALUES / columns.size());
        if (rows.size() > perStatement) {
            // PostgreSQL's protocol carries at most 65,535 bind values per statement
            int inserted = 0;
            for (int from = 0; from < rows.size(); from += perStatement) {
                inserted += insert(tx, table, rows.subList(from, Math.min(rows.size(), from + perStatement)), family, describe,
                        ignored);
            }
            return inserted;
        }
        InsertValuesStepN<R> insert = tx.insertInto(table, columns);
        for (R r : rows) {
            List<Object> values = new ArrayList<>(columns.size());
            for (Field<?> f : columns) {
                values.add(r.get(f));
            }
            insert = insert.values(values);
        }
        Set<List<Object>> inserted = new HashSet<>();
        for (Record k : insert.onConflictDoNothing().returningResult(key).fetch()) {
            inserted.add(Arrays.asList(k.intoArray()));
        }
        if (inserted.size() == rows.size()) {
            return inserted.size();
        }
        List<R> skipped = new ArrayList<>();
        for (R r : rows) {
            if (!inserted.contains(keyOf(r, key))) {
                skipped.add(r);
            }
        }
        Map<List<Object>, R> stored = new HashMap<>();
        for (R s : tx.selectFrom(table).where(anyKey(skipped, key)).fetch()) {
            stored.put(keyOf(s, key), s);
        }
        for (R r : skipped) {
            R s = stored.get(keyOf(r, key));
            if (s == null) {
                throw new ConflictingWriteException(family + ": " + describe.apply(r)
                        + " collides with a stored row on another unique key");
            }
            differingColumn(r, s, columns, ignored, family, describe);
        }
        return inserted.size();
    }

    /**
     * {@code rows} without the keys in {@code written} (rows already written earlier in the same unit) and
     * without repeats: an identical repeat is dropped, a different one throws
     * {@link ConflictingWriteException} naming the row. The rows returned are added to {@code written}.
     */
    static <R extends TableRecord<R>> List<R> notWrittenYet(List<R> rows, Table<R> table, Map<List<Object>, R> written,
                                                            String family, Function<R, String> describe) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Field<?>> columns = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (rows.get(0).changed(f)) {
                columns.add(f);
            }
        }
        List<TableField<R, ?>> key = table.getPrimaryKey().getFields();
        List<R> out = new ArrayList<>(rows.size());
        for (R r : rows) {
            R first = written.putIfAbsent(keyOf(r, key), r);
            if (first == null) {
                out.add(r);
            } else {
                differingColumn(r, first, columns, Set.of(), family, describe);
            }
        }
        return out;
    }

    /** One statement cannot both insert and compare a key twice: repeats inside the batch are settled here. */
    private static <R extends TableRecord<R>> List<R> distinct(List<R> rows, List<TableField<R, ?>> key,
                                                                List<Field<?>> columns, Set<Field<?>> ignored,
                                                                String family, Function<R, String> describe) {
        Map<List<Object>, R> byKey = new java.util.LinkedHashMap<>();
        for (R r : rows) {
            R first = byKey.putIfAbsent(keyOf(r, key), r);
            if (first != null) {
                differingColumn(r, first, columns, ignored, family, describe);
            }
        }
        return byKey.size() == rows.size() ? rows : new ArrayList<>(byKey.values());
    }

    private static <R extends TableRecord<R>> void differingColumn(R r, R stored, List<Field<?>> columns,
                                                                    Set<Field<?>> ignored, String family,
                                                                    Function<R, String> describe) {
        for (Field<?> f : columns) {
            if (!ignored.contains(f) && !same(r.get(f), stored.get(f))) {
                throw new ConflictingWriteException(family + ": " + describe.apply(r)
                        + " is already stored with a different " + f.getName()
                        + " (append-only: a replay must be identical, a correction is a new row)");
            }
        }
    }

    static <R extends TableRecord<R>> int insert(DSLContext tx, Table<R> table, List<R> rows, String family,
                                                  Function<R, String> describe) {
        return insert(tx, table, rows, family, describe, Set.of());
    }

    static <R extends Record> List<Object> keyOf(R r, List<? extends Field<?>> key) {
        List<Object> k = new ArrayList<>(key.size());
        for (Field<?> f : key) {
            k.add(r.get(f));
        }
        return k;
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> Condition anyKey(List<R> rows, List<? extends Field<?>> key) {
        List<Condition> any = new ArrayList<>();
        for (R r : rows) {
            List<Condition> all = new ArrayList<>();
            for (Field<?> f : key) {
                all.add(((Field<Object>) f).eq(r.get(f)));
            }
            any.add(DSL.and(all));
        }
        return DSL.or(any);
    }

    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof JSONB x && b instanceof JSONB y) {
            return Json.sameObject(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.stripTrailing().equals(y.stripTrailing()); // CHAR(n) pads
        }
        return Objects.deepEquals(a, b);
    }
}
