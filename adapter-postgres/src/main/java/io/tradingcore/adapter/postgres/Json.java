package io.tradingcore.adapter.postgres;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.JSONB;

/**
 * Flat JSON objects (string or number values) for the JSONB columns the ports use: hyper-parameters,
 * metrics, risk-event details. Numbers are written with {@link BigDecimal#toPlainString()}; PostgreSQL
 * keeps a JSON number's digits, so a metric reads back at the scale it was written.
 */
final class Json {
    private Json() {
    }

    static JSONB strings(Map<String, String> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, k).append(':');
            quote(sb, v);
        });
        return JSONB.valueOf(sb.append('}').toString());
    }

    static JSONB numbers(Map<String, BigDecimal> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, k).append(':').append(v.toPlainString());
        });
        return JSONB.valueOf(sb.append('}').toString());
    }

    static SortedMap<String, String> readStrings(JSONB j) {
        return parse(j.data(), false);
    }

    static SortedMap<String, BigDecimal> readNumbers(JSONB j) {
        SortedMap<String, String> raw = parse(j.data(), true);
        SortedMap<String, BigDecimal> out = new TreeMap<>();
        raw.forEach((k, v) -> out.put(k, new BigDecimal(v)));
        return out;
    }

    /** Whether two JSONB values hold the same flat object (key order and spacing aside). */
    static boolean sameObject(JSONB a, JSONB b) {
        return parse(a.data(), true).equals(parse(b.data(), true));
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** Parses a flat object; values are returned as their string content or raw number text. */
    private static SortedMap<String, String> parse(String text, boolean anyScalar) {
        SortedMap<String, String> out = new TreeMap<>();
        Cursor c = new Cursor(text);
        c.expect('{');
        if (c.peekSkip() == '}') {
            c.pos++;
            return out;
        }
        while (true) {
            c.peekSkip();
            String key = c.string();
            c.expect(':');
            char p = c.peekSkip();
            String value;
            if (p == '"') {
                value = c.string();
            } else if (anyScalar) {
                value = c.scalar();
            } else {
                throw new IllegalStateException("stored JSON value of '" + key + "' is not a string: " + text);
            }
            out.put(key, value);
            char sep = c.peekSkip();
            c.pos++;
            if (sep == '}') {
                return out;
            }
            if (sep != ',') {
                throw new IllegalStateException("malformed stored JSON object: " + text);
            }
        }
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peekSkip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            if (pos >= s.length()) {
                throw new IllegalStateException("truncated stored JSON: " + s);
            }
            return s.charAt(pos);
        }

        void expect(char ch) {
            if (peekSkip() != ch) {
                throw new IllegalStateException("expected '" + ch + "' in stored JSON: " + s);
            }
            pos++;
        }

        String scalar() {
            int start = pos;
            while (pos < s.length() && ",}".indexOf(s.charAt(pos)) < 0 && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char ch = s.charAt(pos++);
                if (ch == '"') {
                    return sb.toString();
                }
                if (ch != '\\') {
                    sb.append(ch);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }
    }
}
