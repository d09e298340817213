package io.tradingcore.adapter.postgres;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * COPY (text format) of jOOQ records into their table, on the transaction's own connection: the fast
 * path for rows that cannot exist yet (a unit of work whose runs are all new). Every constraint and
 * trigger of the table applies exactly as for INSERT; a row that collides fails the COPY (and with it
 * the unit). The columns copied are those set on the first record, as {@link Idempotent#insert} does,
 * so defaults apply to the others.
 */
final class RecordCopy {
    private RecordCopy() {
    }

    /** Copies {@code rows} (all with the same columns set) into {@code table}; returns the rows copied. */
    static <R extends TableRecord<R>> long copy(DSLContext tx, Table<R> table, List<R> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Field<?>> columns = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (rows.get(0).changed(f)) {
                columns.add(f);
            }
        }
        StringBuilder sql = new StringBuilder("COPY \"").append(table.getName()).append("\" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).getName()).append('"');
        }
        sql.append(") FROM STDIN");
        return tx.connectionResult(c -> copy(c, sql.toString(), table, columns, rows));
    }

    private static <R extends TableRecord<R>> long copy(Connection c, String sql, Table<R> table, List<Field<?>> columns,
                                                         List<R> rows) throws SQLException {
        PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 1 << 16);
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder(256);
            // a unit's rows share a few instants (their hours): each is formatted once per COPY
            java.util.Map<Instant, String> instants = new java.util.HashMap<>();
            // each column's position in the record, looked up once per COPY instead of once per value
            int[] index = new int[columns.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = rows.get(0).indexOf(columns.get(i));
            }
            for (R r : rows) {
                line.setLength(0);
                for (int i = 0; i < index.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    field(line, r.get(index[i]), instants);
                }
                w.append(line).append('\n');
            }
            w.flush();
            return out.endCopy();
        } catch (IOException e) {
            if (out.isActive()) {
                try {
                    out.cancelCopy();
                } catch (SQLException ignored) {
                    // the server side already failed; its error is the one to report
                }
            }
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new DataAccessException("COPY into " + table.getName() + " failed: " + e.getMessage(), e);
        }
    }

    /** One value in COPY's text format ({@code \N} for NULL, backslash escapes). */
    static void field(StringBuilder sb, Object v, java.util.Map<Instant, String> instants) {
        if (v == null) {
            sb.append("\\N");
        } else if (v instanceof BigDecimal || v instanceof Instant || v instanceof Number || v instanceof java.util.UUID
                || v instanceof Boolean) {
            // their text has no tab, newline, carriage return or backslash: nothing to escape
            sb.append(text(v, instants));
        } else if (v instanceof Object[] array) {
            StringBuilder lit = new StringBuilder("{");
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    lit.append(',');
                }
                element(lit, array[i], instants);
            }
            escaped(sb, lit.append('}'));
        } else {
            escaped(sb, text(v, instants));
        }
    }

    private static void element(StringBuilder lit, Object v, java.util.Map<Instant, String> instants) {
        if (v == null) {
            lit.append("NULL");
            return;
        }
        if (v instanceof Number) {
            // a number element needs no quotes (its text has no comma, brace, quote, backslash or space): the same value
            lit.append(text(v, instants));
            return;
        }
        CharSequence t = text(v, instants);
        lit.append('"');
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '"' || ch == '\\') {
                lit.append('\\');
            }
            lit.append(ch);
        }
        lit.append('"');
    }

    /** The value as PostgreSQL's input function reads it (the same value jOOQ would bind). */
    private static CharSequence text(Object v, java.util.Map<Instant, String> instants) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Instant t) {
            return instants.computeIfAbsent(t, Instant::toString);
        }
        if (v instanceof EnumType e) {
            return e.getLiteral();
        }
        if (v instanceof Enum<?> e) {
            // a domain enum on a PostgreSQL enum column: its EnumConverter maps by name, so the literal is the name
            return e.name();
        }
        if (v instanceof JSONB j) {
            return j.data();
        }
        if (v instanceof Double || v instanceof Float || v instanceof Number || v instanceof Boolean
                || v instanceof java.util.UUID || v instanceof String) {
            return v.toString();
        }
        throw new IllegalArgumentException("COPY cannot write a " + v.getClass().getName());
    }

    /** {@code t} escaped for COPY's text format (backslash, tab, newline, carriage return). */
    static void escaped(StringBuilder sb, CharSequence t) {
        int n = t.length();
        int plain = 0;
        while (plain < n) {
            char ch = t.charAt(plain);
            if (ch == '\\' || ch == '\n' || ch == '\r' || ch == '\t') {
                break;
            }
            plain++;
        }
        sb.append(t, 0, plain); // the usual case: nothing to escape, one bulk append
        for (int i = plain; i < n; i++) {
            char ch = t.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(ch);
            }
        }
    }
}
