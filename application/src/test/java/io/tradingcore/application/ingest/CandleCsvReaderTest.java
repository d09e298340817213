package io.tradingcore.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tradingcore.application.ingest.CandleCsvReader.CsvFormatException;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.HourTs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Times in the CSV must be UTC and plausible: an offset or an absurd year is refused with file, line and reason. */
class CandleCsvReaderTest {
    private static final AssetId ASSET = new AssetId((short) 1);

    @TempDir
    Path dir;

    private Path file(String... rows) throws IOException {
        Path p = dir.resolve("BTC_USDT_1h.csv");
        Files.writeString(p, CandleCsvReader.HEADER + "\n" + String.join("\n", rows) + "\n");
        return p;
    }

    // issue 17, item 11: accepted before (lower-case t/z, a +00:00 offset, non-ASCII digits)
    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01t00:00:00z", "2024-01-01T00:00:00+00:00", "\u0662\u0660\u0662\u0664-01-01T00:00:00Z",
        "２０２４-01-01T00:00:00Z"})
    void aTimeNotWrittenExactlyAsUtcIsoIsRefused(String time) throws IOException {
        Path p = file("2023-12-31T23:00:00Z,1,2,1,2,5", time + ",1,2,1,2,5");
        assertThat(catchThrowable(() -> CandleCsvReader.read(p, ASSET))).isExactlyInstanceOf(CsvFormatException.class)
                .hasMessageContaining(":3:");
    }

    // issue 17, item 11: raw file bytes (a terminal escape sequence here) were echoed to the terminal
    @Test
    void aRefusedValueIsQuotedWithoutControlCharacters() throws IOException {
        Path p = file("2023-12-31T23:00:00Z,1,2,1,2,5", "2024-01-01T00:00:00Z,\u001b[2J\u001b]0;owned\u0007" + "9".repeat(400) + ",2,1,2,5");
        Throwable thrown = catchThrowable(() -> CandleCsvReader.read(p, ASSET));
        assertThat(thrown).isExactlyInstanceOf(CsvFormatException.class);
        assertThat(thrown.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\u001b[2J")
                .endsWith("...");
        assertThat(thrown.getMessage().length()).isLessThan(p.toString().length() + 320);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661\u0660\u0660", "１００", "1\u0660\u0660"})
    void nonAsciiDigitsAreNotANumber(String price) throws IOException {
        Path p = file("2023-12-31T23:00:00Z,1,2,1,2,5", "2024-01-01T00:00:00Z," + price + ",200,1,2,5");
        assertThat(catchThrowable(() -> CandleCsvReader.read(p, ASSET))).isExactlyInstanceOf(CsvFormatException.class)
                .hasMessageContaining(":3:").hasMessageContaining("is not a decimal number");
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-01T00:00:00+05:30, +05:30",
        "2024-01-01T05:30:00+05:30, +05:30", // would be exactly 00:00Z: aligned, hence silently accepted before
        "2023-12-31T19:00:00-05:00, -05:00",
        "2024-01-01T01:00:00+01:00, +01:00"})
    void timeWithANonUtcOffsetIsRefusedNamingFileLineAndOffset(String time, String offset) throws IOException {
        Path p = file("2023-12-31T23:00:00Z,1,2,1,2,5", time + ",1,2,1,2,5");

        Throwable thrown = catchThrowable(() -> CandleCsvReader.read(p, ASSET));

        assertThat(thrown).isExactlyInstanceOf(CsvFormatException.class);
        assertThat(((CsvFormatException) thrown).line()).isEqualTo(3);
        assertThat(thrown.getMessage()).startsWith(p + ":3: ").contains(time).contains("offset " + offset).contains("only UTC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2008-12-31T23:00:00Z", "2100-01-01T00:00:00Z",
        "9999-12-31T23:00:00Z", "+10000-01-01T00:00:00Z"})
    void absurdYearIsRefusedNamingFileLineAndYear(String time) throws IOException {
        Path p = file(time + ",1,2,1,2,5");

        Throwable thrown = catchThrowable(() -> CandleCsvReader.read(p, ASSET));

        assertThat(thrown).isExactlyInstanceOf(CsvFormatException.class);
        assertThat(((CsvFormatException) thrown).line()).isEqualTo(2);
        assertThat(thrown.getMessage()).startsWith(p + ":2: ").contains("year").contains("outside 2009..2099");
    }

    // qa round: these were the domain's messages, naming the asset by its internal id ("... (asset 1 at ...)")
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,2,1,2,-1.00000000|volume -1.00000000 is negative",
        "0.5,2,1,2,5|open 0.5 is outside [low 1, high 2]",
        "1,2,1,2.5,5|close 2.5 is outside [low 1, high 2]"})
    void aNegativeVolumeOrAPriceOutsideItsRangeIsSaidWithItsValues(String values, String reason) throws IOException {
        Path p = file("2024-01-01T00:00:00Z," + values);

        Throwable thrown = catchThrowable(() -> CandleCsvReader.read(p, ASSET));

        assertThat(thrown).isExactlyInstanceOf(CsvFormatException.class).hasMessageNotContaining("asset ");
        assertThat(thrown.getMessage()).startsWith(p + ":2: " + reason);
    }

    // issue 17, item 10: a bare ZipException / EOFException naming no file, and "no such file" for a directory
    @Test
    void aBrokenGzipOrADirectoryIsACsvFormatExceptionNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path notGzip = dir.resolve("BTC_USDT_1h.csv.gz");
        Files.writeString(notGzip, "open_time_utc,open,high,low,close,volume\n");
        assertThat(catchThrowable(() -> CandleCsvReader.read(notGzip, ASSET))).isExactlyInstanceOf(CsvFormatException.class)
                .hasMessageContaining(notGzip.toString()).hasMessageContaining("not a valid gzip file");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write("open_time_utc,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1,3\n".repeat(50)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        Path truncated = dir.resolve("ETH_USDT_1h.csv.gz");
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        assertThat(catchThrowable(() -> CandleCsvReader.read(truncated, ASSET))).isExactlyInstanceOf(CsvFormatException.class)
                .hasMessageContaining(truncated.toString()).hasMessageContaining("truncated");
        assertThat(catchThrowable(() -> CandleCsvReader.read(dir, ASSET))).isExactlyInstanceOf(CsvFormatException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void utcTimesAtTheEdgesOfThePlausibleYearsAreAccepted() throws IOException {
        // a zero offset written "+00:00" is refused since issue 17, item 11 (aTimeNotWrittenExactlyAsUtcIsoIsRefused)
        Path p = file("2009-01-01T00:00:00Z,1,2,1,2,5", "2009-01-01T01:00:00Z,1,2,1,2,5", "2099-12-31T23:00:00Z,1,2,1,2,5");

        CandleCsvReader.Parsed parsed = CandleCsvReader.read(p, ASSET);

        assertThat(parsed.candles()).extracting(c -> c.openTime())
                .containsExactly(HourTs.parse("2009-01-01T00:00:00Z"), HourTs.parse("2009-01-01T01:00:00Z"),
                        HourTs.parse("2099-12-31T23:00:00Z"));
    }
}
