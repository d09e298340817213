package io.tradingcore.application.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tradingcore.application.ingest.CandleCsvReader;
import io.tradingcore.application.ingest.CandleCsvReader.CsvFormatException;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * Fuzz and property tests of the CSV ingest (issue 8, hostile input): any valid file reads back as
 * exactly the candles it was written from, whatever its layout (BOM, blank lines, padding, gzip); any
 * file with one corrupted field or line is refused with a {@link CsvFormatException} naming that line;
 * and no input at all makes the reader throw anything else (which would escape the CLI's one-line
 * error handling, or worse, exhaust the heap).
 */
class CandleCsvReaderPropertyTest {

    private static final AssetId ASSET = new AssetId((short) 3);
    private final List<Path> files = new ArrayList<>();

    @AfterTry
    void deleteFiles() throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        files.clear();
    }

    /** One generated row and what the reader must make of it. */
    record Row(HourTs hour, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        Candle candle() {
            return new Candle(ASSET, hour, open, high, low, close, volume);
        }

        String[] fields() {
            return new String[] {hour.toString(), open.toPlainString(), high.toPlainString(), low.toPlainString(),
                close.toPlainString(), volume.toPlainString()};
        }
    }

    /** A valid file's rows plus the layout it is written in. */
    record ValidFile(List<Row> rows, boolean bom, boolean gzip, List<Boolean> blankBefore, boolean padded) {
    }

    @Provide
    Arbitrary<ValidFile> validFiles() {
        Arbitrary<Instant> start = Arbitraries.longs().between(1_262_304_000L / 3600, 1_893_456_000L / 3600)
                .map(h -> Instant.ofEpochSecond(h * 3600));
        Arbitrary<Integer> step = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(20, 1), net.jqwik.api.Tuple.of(1, 2), net.jqwik.api.Tuple.of(1, 7));
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(new BigDecimal("0.00000001"), new BigDecimal("999999"))
                .ofScale(8);
        Arbitrary<BigDecimal> fraction = Arbitraries.integers().between(0, 1000).map(i -> BigDecimal.valueOf(i, 3));
        Arbitrary<BigDecimal> volume = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e9")).ofScale(6));
        Arbitrary<List<Object[]>> shapes = Combinators.combine(step, price, price, fraction, fraction, volume)
                .as((s, a, b, fo, fc, v) -> new Object[] {s, a.min(b), a.max(b), fo, fc, v}).list().ofMinSize(1).ofMaxSize(30);
        return Combinators.combine(start, shapes, Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false).list().ofSize(31), Arbitraries.of(true, false))
                .as((t0, shape, bom, gzip, blanks, padded) -> {
                    List<Row> rows = new ArrayList<>();
                    HourTs h = HourTs.of(t0);
                    for (int i = 0; i < shape.size(); i++) {
                        Object[] s = shape.get(i);
                        if (i > 0) {
                            h = h.plusHours((Integer) s[0]);
                        }
                        BigDecimal low = (BigDecimal) s[1];
                        BigDecimal high = (BigDecimal) s[2];
                        BigDecimal span = high.subtract(low);
                        BigDecimal open = low.add(span.multiply((BigDecimal) s[3])).setScale(11, java.math.RoundingMode.DOWN);
                        BigDecimal close = low.add(span.multiply((BigDecimal) s[4])).setScale(11, java.math.RoundingMode.DOWN);
                        rows.add(new Row(h, open.max(low), high, low, close.max(low), (BigDecimal) s[5]));
                    }
                    return new ValidFile(rows, bom, gzip, blanks.subList(0, rows.size()), padded);
                });
    }

    @Property(tries = 150)
    void everyValidFileReadsBackAsExactlyTheCandlesItWasWrittenFrom(@ForAll("validFiles") ValidFile f) throws IOException {
        Written w = write(f, f.rows().stream().map(Row::fields).toList());
        CandleCsvReader.Parsed parsed = CandleCsvReader.read(w.path(), ASSET);

        assertThat(parsed.candles()).containsExactlyElementsOf(f.rows().stream().map(Row::candle).toList());
        int missing = 0;
        List<HourTs> gapsAfter = new ArrayList<>();
        for (int i = 1; i < f.rows().size(); i++) {
            long step = f.rows().get(i - 1).hour().hoursUntil(f.rows().get(i).hour());
            if (step > 1) {
                missing += (int) (step - 1);
                gapsAfter.add(f.rows().get(i - 1).hour());
            }
        }
        assertThat(parsed.missingHours()).isEqualTo(missing);
        assertThat(parsed.gapsAfter()).isEqualTo(gapsAfter);
        assertThat(parsed.zeroVolumeCandles()).isEqualTo((int) f.rows().stream().filter(r -> r.volume().signum() == 0).count());
    }

    /** The ways one row can be broken; each must be refused at that row's line. */
    enum Corruption {
        BAD_NUMBER, UNALIGNED_HOUR, DUPLICATE_HOUR, OUT_OF_ORDER_HOUR, HIGH_BELOW_LOW, NON_POSITIVE_PRICE,
        NEGATIVE_VOLUME, TOO_MANY_DECIMALS, WRONG_FIELD_COUNT, NOT_A_TIME, OPEN_ABOVE_HIGH, ABSURD_MAGNITUDE,
        NON_UTC_OFFSET, ABSURD_YEAR
    }

    @Property(tries = 400)
    void oneCorruptedRowIsRefusedNamingItsLineAndNothingElseIsThrown(@ForAll("validFiles") ValidFile f,
                                                                    @ForAll Corruption corruption,
                                                                    @ForAll @IntRange(min = 0, max = 1000) int where,
                                                                    @ForAll @IntRange(min = 0, max = 1000) int what) throws IOException {
        List<String[]> rows = new ArrayList<>(f.rows().stream().map(Row::fields).toList());
        int i = where % rows.size();
        if ((corruption == Corruption.DUPLICATE_HOUR || corruption == Corruption.OUT_OF_ORDER_HOUR) && i == 0) {
            i = rows.size() == 1 ? -1 : 1;
        }
        if (i < 0) {
            return; // a single row has no predecessor to collide with
        }
        String[] r = rows.get(i).clone();
        Row row = f.rows().get(i);
        switch (corruption) {
            case BAD_NUMBER -> r[1 + what % 5] = List.of("abc", "1.2.3", "", " ", "NaN", "Infinity", "0x1A", "1e", "--1", "1_000")
                    .get(what % 10);
            case UNALIGNED_HOUR -> r[0] = row.hour().toInstant().plusSeconds(1 + what % 3599).toString();
            case DUPLICATE_HOUR -> r[0] = rows.get(i - 1)[0];
            case OUT_OF_ORDER_HOUR -> r[0] = HourTs.parse(rows.get(i - 1)[0]).minusHours(1 + what % 48).toString();
            case HIGH_BELOW_LOW -> {
                r[2] = row.low().toPlainString();
                r[3] = row.low().add(BigDecimal.ONE).toPlainString();
            }
            case NON_POSITIVE_PRICE -> r[1 + what % 4] = List.of("0", "-1", "-0.00000001", "0.000").get(what % 4);
            case NEGATIVE_VOLUME -> r[5] = "-" + (1 + what);
            case TOO_MANY_DECIMALS -> r[1 + what % 5] = row.low().toPlainString() + "0000000000000000001";
            case WRONG_FIELD_COUNT -> r = what % 2 == 0 ? java.util.Arrays.copyOf(r, 5) : java.util.Arrays.copyOf(r, 7);
            case NOT_A_TIME -> r[0] = List.of("2025-13-01T00:00:00Z", "yesterday", "2025-01-01 00:00:00", "1735689600")
                    .get(what % 4);
            case OPEN_ABOVE_HIGH -> r[1] = row.high().add(BigDecimal.ONE).toPlainString();
            case ABSURD_MAGNITUDE -> r[1 + what % 5] = List.of("1E999999999", "1E-999999999", "1E2147483647", "1E-2147483647",
                    "-1E999999999", "1e21", "123456789012345678901").get(what % 7);
            case NON_UTC_OFFSET -> {
                // the same instant written in a local time: Instant.parse would have taken it silently
                java.time.ZoneOffset off = java.time.ZoneOffset.ofTotalSeconds((what % 2 == 0 ? 1 : -1) * 900 * (1 + what % 56));
                r[0] = row.hour().toInstant().atOffset(off).toString();
            }
            case ABSURD_YEAR -> r[0] = List.of("0001-01-01T00:00:00Z", "9999-12-31T23:00:00Z", "1970-01-01T00:00:00Z",
                    "2008-12-31T23:00:00Z", "2100-01-01T00:00:00Z", "+10000-01-01T00:00:00Z").get(what % 6);
        }
        if (r.length > 6 || r.length < 6) {
            r = java.util.Arrays.stream(r).map(s -> s == null ? "1" : s).toArray(String[]::new);
        }
        rows.set(i, r);
        Written w = write(f, rows);

        Throwable thrown = catchThrowable(() -> CandleCsvReader.read(w.path(), ASSET));

        assertThat(thrown).as("%s at row %d: %s", corruption, i, String.join(",", r)).isExactlyInstanceOf(CsvFormatException.class);
        CsvFormatException e = (CsvFormatException) thrown;
        assertThat(e.line()).as(e.getMessage()).isEqualTo(w.lineOf().get(i));
        assertThat(e.getMessage()).startsWith(w.path() + ":" + w.lineOf().get(i) + ": ").hasSizeLessThan(500);
    }

    @Property(tries = 300)
    void arbitraryByteDamageEitherParsesToValidCandlesOrIsACsvFormatException(@ForAll("validFiles") ValidFile f,
                                                                            @ForAll @IntRange(min = 0, max = 100_000) int at,
                                                                            @ForAll("damage") String inserted,
                                                                            @ForAll @IntRange(min = 0, max = 3) int deleted)
            throws IOException {
        Written w = write(new ValidFile(f.rows(), f.bom(), false, f.blankBefore(), f.padded()),
                f.rows().stream().map(Row::fields).toList());
        String text = Files.readString(w.path(), StandardCharsets.UTF_8);
        int pos = at % (text.length() + 1);
        String damaged = text.substring(0, pos) + inserted + text.substring(Math.min(text.length(), pos + deleted));
        Files.writeString(w.path(), damaged, StandardCharsets.UTF_8);

        Throwable thrown = catchThrowable(() -> {
            CandleCsvReader.Parsed p = CandleCsvReader.read(w.path(), ASSET);
            assertThat(p.candles()).isNotEmpty().allSatisfy(c -> assertThat(c.low()).isLessThanOrEqualTo(c.high()));
            for (int k = 1; k < p.candles().size(); k++) {
                assertThat(p.candles().get(k - 1).openTime()).isLessThan(p.candles().get(k).openTime());
            }
        });

        if (thrown != null) {
            assertThat(thrown).as("damage '%s' at %d in:%n%s", inserted, pos, damaged).isExactlyInstanceOf(CsvFormatException.class);
            assertThat(((CsvFormatException) thrown).line()).isBetween(1, damaged.split("\r\n|\r|\n", -1).length);
        }
    }

    @Provide
    Arbitrary<String> damage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.,-+eEZT:\n \uFEFF\u0000").ofMinLength(0).ofMaxLength(4),
                Arbitraries.of("E999999999", "E-999999999", "E2147483647", "\r\n", ",,", "\"", "T23:59:60Z"),
                Arbitraries.strings().ofMaxLength(3));
    }

    @Example
    void hostileExponentsAreRefusedQuicklyAsCsvErrorsNotHeapExhaustion() throws IOException {
        for (String v : List.of("1E999999999", "1E-999999999", "1E2147483647", "1E-2147483647", "-1E999999999")) {
            Path p = Files.createTempFile("hostile", ".csv");
            files.add(p);
            Files.writeString(p, CandleCsvReader.HEADER + "\n2025-01-01T00:00:00Z,1,1,1,1," + v + "\n");
            Throwable thrown = catchThrowable(() -> CandleCsvReader.read(p, ASSET));
            assertThat(thrown).as(v).isExactlyInstanceOf(CsvFormatException.class);
            assertThat(thrown.getMessage()).as(v).contains(":2: ").contains("volume").hasSizeLessThan(500);
        }
    }

    /** A written file and the physical line number of each data row. */
    record Written(Path path, List<Integer> lineOf) {
    }

    private Written write(ValidFile f, List<String[]> rows) throws IOException {
        StringBuilder b = new StringBuilder(f.bom() ? "\uFEFF" : "").append(CandleCsvReader.HEADER).append('\n');
        int line = 1;
        List<Integer> lineOf = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (f.blankBefore().get(i % f.blankBefore().size()) && i % 3 == 0) {
                b.append(f.padded() ? "  \n" : "\n");
                line++;
            }
            line++;
            lineOf.add(line);
            String sep = f.padded() ? " , " : ",";
            b.append(String.join(sep, rows.get(i))).append('\n');
        }
        Path p = Files.createTempFile("fuzz", f.gzip() ? ".csv.gz" : ".csv");
        files.add(p);
        try (OutputStream out = f.gzip() ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new Written(p, lineOf);
    }
}
