package io.tradingcore.application.ingest;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads hourly candles in the project's CSV format ({@code open_time_utc,open,high,low,close,volume},
 * ascending, ISO-8601 UTC hour-aligned times in years 2009..2099, exact decimals), plain or gzip-compressed.
 *
 * <p>The whole file is validated before anything is returned: a malformed row (bad number, a time with a
 * non-UTC offset or an absurd year, unaligned, duplicate or out-of-order hour, high &lt; low, open/close
 * outside [low, high], non-positive price, negative volume, more than 18 decimals) raises {@link CsvFormatException} naming file, line and reason,
 * so that a caller stores nothing from a bad file. Gaps and zero-volume candles are real market facts:
 * they are accepted and counted in the result.
 */
public final class CandleCsvReader {

    public static final String HEADER = "open_time_utc,open,high,low,close,volume";
    /** Earliest year of a candle: no crypto asset traded before Bitcoin's first block (January 2009). */
    public static final int FIRST_YEAR = 2009;
    /** Latest year of a candle: anything later is a placeholder or a corrupt time. */
    public static final int LAST_YEAR = 2099;
    private static final Pattern FILE_ASSET = Pattern.compile("^([A-Z0-9]+)_([A-Z0-9]+)(?:_1h)?\\.csv(?:\\.gz)?$",
            Pattern.CASE_INSENSITIVE);

    private CandleCsvReader() {
    }

    /** What a file held. */
    public record Parsed(Path file, List<Candle> candles, List<HourTs> gapsAfter, int missingHours,
                         int zeroVolumeCandles) {
    }

    /** "BTC/USDT" from {@code BTC_USDT_1h.csv(.gz)}; empty if the name does not say. */
    public static java.util.Optional<String> symbolFromFileName(Path file) {
        Matcher m = FILE_ASSET.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(m.group(1).toUpperCase(Locale.ROOT) + "/" + m.group(2).toUpperCase(Locale.ROOT));
    }

    /** What a file held, without its candles: what {@link #scan} and {@link #stream} return. */
    public record Summary(Path file, int rows, List<HourTs> gapsAfter, int missingHours, int zeroVolumeCandles) {
    }

    /** Receives the candles of a file in order, a bounded chunk at a time. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(List<Candle> chunk) throws IOException;
    }

    /** Candles per chunk of {@link #stream}: bounds the memory of an ingest whatever the file's size. */
    public static final int CHUNK = 20_000;

    /** The whole file in memory (tests and small files); {@link #scan} then {@link #stream} for any size. */
    public static Parsed read(Path file, AssetId asset) throws IOException {
        List<Candle> candles = new ArrayList<>();
        Summary s = withReader(file, r -> parse(file, asset, r, candles::add));
        return new Parsed(file, List.copyOf(candles), s.gapsAfter(), s.missingHours(), s.zeroVolumeCandles());
    }

    /**
     * Validates the whole file in constant memory (issue 17, item 10: a 200 MB file used to be held whole): the first
     * malformed row throws {@link CsvFormatException}; nothing is kept but the counts and the gaps.
     */
    public static Summary scan(Path file, AssetId asset) throws IOException {
        return withReader(file, r -> parse(file, asset, r, c -> { }));
    }

    /** Reads the file again and hands its candles to {@code sink} in chunks of at most {@code chunk}, in file order. */
    public static Summary stream(Path file, AssetId asset, int chunk, ChunkSink sink) throws IOException {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, was " + chunk);
        }
        List<Candle> buffer = new ArrayList<>(Math.min(chunk, 65_536));
        try {
            Summary s = withReader(file, r -> parse(file, asset, r, c -> {
                buffer.add(c);
                if (buffer.size() == chunk) {
                    flush(sink, buffer);
                }
            }));
            flush(sink, buffer);
            return s;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void flush(ChunkSink sink, List<Candle> buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            sink.accept(List.copyOf(buffer));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        buffer.clear();
    }

    private interface ReaderFn {
        Summary apply(BufferedReader r) throws IOException;
    }

    private static Summary withReader(Path file, ReaderFn fn) throws IOException {
        if (Files.isDirectory(file)) {
            throw new CsvFormatException(file, 0, "is a directory, not a CSV file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CsvFormatException(file, 0, "no such file");
        }
        boolean gz = file.toString().endsWith(".gz");
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gz ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return fn.apply(r);
        } catch (java.util.zip.ZipException e) {
            // issue 17, item 10: these used to surface as a bare ZipException / EOFException naming no file
            throw new CsvFormatException(file, 0, "not a valid gzip file (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new CsvFormatException(file, 0, gz ? "the gzip file is truncated (it ends in the middle of its data)"
                    : "unexpected end of file");
        }
    }

    static Parsed parse(Path file, AssetId asset, BufferedReader r) throws IOException {
        List<Candle> candles = new ArrayList<>();
        Summary s = parse(file, asset, r, candles::add);
        return new Parsed(file, List.copyOf(candles), s.gapsAfter(), s.missingHours(), s.zeroVolumeCandles());
    }

    private static Summary parse(Path file, AssetId asset, BufferedReader r, java.util.function.Consumer<Candle> out)
            throws IOException {
        String header = r.readLine();
        if (header == null) {
            throw new CsvFormatException(file, 1, "empty file (expected header '" + HEADER + "')");
        }
        if (!header.strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new CsvFormatException(file, 1, "unexpected header '" + header + "' (expected '" + HEADER + "')");
        }
        int rows = 0;
        List<HourTs> gapsAfter = new ArrayList<>();
        int missing = 0;
        int zeroVolume = 0;
        HourTs previous = null;
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Candle c = parseRow(file, lineNo, asset, line);
            if (previous != null) {
                long step = previous.hoursUntil(c.openTime());
                if (step == 0) {
                    throw new CsvFormatException(file, lineNo, "duplicate hour " + c.openTime());
                }
                if (step < 0) {
                    throw new CsvFormatException(file, lineNo, "hour " + c.openTime() + " is earlier than the previous row's "
                            + previous + " (rows must ascend)");
                }
                if (step > 1) {
                    gapsAfter.add(previous);
                    missing += (int) (step - 1);
                }
            }
            if (c.volume().signum() == 0) {
                zeroVolume++;
            }
            out.accept(c);
            rows++;
            previous = c.openTime();
        }
        if (rows == 0) {
            throw new CsvFormatException(file, lineNo, "no candle rows after the header");
        }
        return new Summary(file, rows, List.copyOf(gapsAfter), missing, zeroVolume);
    }

    private static Candle parseRow(Path file, int lineNo, AssetId asset, String line) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new CsvFormatException(file, lineNo, "expected 6 fields, found " + f.length);
        }
        Instant t = openTime(file, lineNo, f[0].strip());
        HourTs hour;
        try {
            hour = HourTs.of(t);
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(file, lineNo, "open_time_utc " + t + " is not aligned to a UTC hour");
        }
        String[] names = {"open", "high", "low", "close", "volume"};
        BigDecimal[] v = new BigDecimal[5];
        for (int i = 0; i < 5; i++) {
            try {
                if (!ASCII_NUMBER.matcher(f[i + 1].strip()).matches()) {
                    // issue 17, item 11: BigDecimal reads Arabic-Indic and fullwidth digits ("١٠٠" became 100)
                    throw new NumberFormatException("not ASCII");
                }
                v[i] = new BigDecimal(f[i + 1].strip());
            } catch (NumberFormatException e) {
                throw new CsvFormatException(file, lineNo, names[i] + " '" + f[i + 1] + "' is not a decimal number");
            }
            if (v[i].signum() == 0) {
                v[i] = BigDecimal.ZERO; // "0E-999999999" would cost a huge power of ten when rescaled
            } else if (!fitsNumeric38x18(v[i])) {
                throw new CsvFormatException(file, lineNo, names[i] + " '" + f[i + 1].strip()
                        + "' does not fit NUMERIC(38,18) (at most 20 integer digits and 18 decimals)");
            }
            if (i < 4 && v[i].signum() <= 0) {
                throw new CsvFormatException(file, lineNo, names[i] + " " + v[i].toPlainString() + " is not a positive price");
            }
        }
        if (v[2].compareTo(v[1]) > 0) {
            throw new CsvFormatException(file, lineNo, "high " + v[1].toPlainString() + " < low " + v[2].toPlainString());
        }
        // said here with the values (the domain's own check names the asset by its internal id: "asset 1")
        for (int i : new int[] {0, 3}) {
            if (v[i].compareTo(v[2]) < 0 || v[i].compareTo(v[1]) > 0) {
                throw new CsvFormatException(file, lineNo, names[i] + " " + v[i].toPlainString() + " is outside [low "
                        + v[2].toPlainString() + ", high " + v[1].toPlainString() + "]");
            }
        }
        if (v[4].signum() < 0) {
            throw new CsvFormatException(file, lineNo, "volume " + v[4].toPlainString() + " is negative");
        }
        try {
            return new Candle(asset, hour, v[0], v[1], v[2], v[3], v[4]);
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(file, lineNo, e.getMessage());
        }
    }

    /**
     * The row's time, which must be written in UTC: {@code Instant.parse} would silently convert an offset
     * such as {@code +05:30}, turning a local-time file into candles at the wrong hours. A year outside
     * [{@value #FIRST_YEAR}, {@value #LAST_YEAR}] is a corrupt or placeholder time (0001, 9999), not market data.
     */
    private static final java.util.regex.Pattern UTC_TIME =
            java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");
    private static final java.util.regex.Pattern ASCII_NUMBER =
            java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private static Instant openTime(Path file, int lineNo, String text) {
        OffsetDateTime odt;
        try {
            odt = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new CsvFormatException(file, lineNo, "open_time_utc '" + text + "' is not an ISO-8601 UTC time");
        }
        if (odt.getOffset().getTotalSeconds() != 0) {
            throw new CsvFormatException(file, lineNo, "open_time_utc '" + text + "' has offset " + odt.getOffset()
                    + "; only UTC times (ending in Z) are accepted");
        }
        int year = odt.getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new CsvFormatException(file, lineNo, "open_time_utc '" + text + "' has year " + year + ", outside "
                    + FIRST_YEAR + ".." + LAST_YEAR);
        }
        if (!UTC_TIME.matcher(text).matches()) {
            // issue 17, item 11: lower-case t/z, "+00:00" and non-ASCII digits were accepted while other offsets were not
            throw new CsvFormatException(file, lineNo, "open_time_utc '" + text + "' must be written YYYY-MM-DDTHH:MM:SSZ"
                    + " (ASCII digits, upper-case T and Z)");
        }
        return odt.toInstant();
    }

    /**
     * Decided from precision and scale alone, before any arithmetic: a hostile exponent such as
     * {@code 1E999999999} would otherwise be expanded by rescaling or printing and exhaust the heap.
     */
    public static boolean fitsNumeric38x18(BigDecimal v) {
        return (long) v.precision() - v.scale() <= 20 && (long) v.scale() - 18 < v.precision();
    }

    /** A file that cannot be ingested; says where and why. */
    /**
     * A reason quoting file content, safe for a terminal: control and format characters (an ESC starting a terminal
     * escape sequence, a bidi override) written as \\uXXXX, and at most 300 characters (issue 17, item 11: raw file
     * bytes were echoed).
     */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                b.append(String.format(Locale.ROOT, "\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.length() <= 300 ? b.toString() : b.substring(0, 297) + "...";
    }

    public static final class CsvFormatException extends IllegalArgumentException {
        private final Path file;
        private final int line;

        public CsvFormatException(Path file, int line, String reason) {
            super(file + (line > 0 ? ":" + line : "") + ": " + printable(reason));
            this.file = file;
            this.line = line;
        }

        public Path file() {
            return file;
        }

        public int line() {
            return line;
        }
    }
}
