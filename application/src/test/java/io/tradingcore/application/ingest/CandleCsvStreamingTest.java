package io.tradingcore.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 10: a large file is validated and stored a bounded chunk at a time. A 200 MB file used to be held
 * whole in memory (~1.65 GB RSS) and died with OutOfMemoryError at -Xmx256m.
 */
class CandleCsvStreamingTest {
    private static final AssetId ASSET = new AssetId((short) 1);

    @TempDir
    Path dir;

    static Path write(Path file, int rows) throws IOException {
        Instant t = Instant.parse("2015-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(CandleCsvReader.HEADER);
            w.newLine();
            for (int i = 0; i < rows; i++) {
                // one gap of 3 hours after row 1000
                Instant at = t.plusSeconds(3600L * (i + (i > 1000 ? 3 : 0)));
                w.write(at + ",100.123456789012345678,101.5,99.25,100.75," + (i % 7 == 0 ? "0" : "12.345678901234"));
                w.newLine();
            }
        }
        return file;
    }

    @Test
    void streamedChunksAreTheFileInOrderWithTheSameCounts() throws IOException {
        Path f = write(dir.resolve("BTC_USDT_1h.csv"), 5_003);
        CandleCsvReader.Parsed whole = CandleCsvReader.read(f, ASSET);
        List<Integer> sizes = new ArrayList<>();
        List<Candle> streamed = new ArrayList<>();
        CandleCsvReader.Summary s = CandleCsvReader.stream(f, ASSET, 1_000, chunk -> {
            sizes.add(chunk.size());
            streamed.addAll(chunk);
        });
        assertThat(streamed).isEqualTo(whole.candles());
        assertThat(sizes).containsExactly(1_000, 1_000, 1_000, 1_000, 1_000, 3);
        CandleCsvReader.Summary scanned = CandleCsvReader.scan(f, ASSET);
        assertThat(scanned).isEqualTo(s);
        assertThat(s.rows()).isEqualTo(5_003);
        assertThat(s.gapsAfter()).isEqualTo(whole.gapsAfter()).hasSize(1);
        assertThat(s.missingHours()).isEqualTo(3).isEqualTo(whole.missingHours());
        assertThat(s.zeroVolumeCandles()).isEqualTo(whole.zeroVolumeCandles()).isEqualTo(715);
    }

    @Test
    void aMalformedLastRowIsFoundByTheScanBeforeAnyChunkIsHandedOut() throws IOException {
        Path f = write(dir.resolve("BTC_USDT_1h.csv"), 3_000);
        Files.writeString(f, "2099-12-31T23:30:00Z,1,2,1,2,5\n", java.nio.file.StandardOpenOption.APPEND);
        Throwable t = catchThrowable(() -> CandleCsvReader.scan(f, ASSET));
        assertThat(t).isInstanceOf(CandleCsvReader.CsvFormatException.class).hasMessageContaining(":3002:")
                .hasMessageContaining("not aligned");
    }

    /** Scans and streams {@code args[0]} (rows written first) with chunks dropped: run in a JVM with a small heap. */
    public static void main(String[] args) throws Exception {
        Path f = write(Path.of(args[0]), Integer.parseInt(args[1]));
        long[] n = new long[1];
        CandleCsvReader.scan(f, ASSET);
        CandleCsvReader.Summary s = CandleCsvReader.stream(f, ASSET, CandleCsvReader.CHUNK, chunk -> n[0] += chunk.size());
        System.out.println("streamed " + n[0] + " of " + s.rows());
    }

    @Test
    void aFileFarLargerThanTheHeapIsReadInBoundedMemory() throws Exception {
        // 400,000 candles: held whole they take well over 100 MB of heap; streamed, a 48 MB heap is enough
        Path f = dir.resolve("BIG_USDT_1h.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                CandleCsvStreamingTest.class.getName(), f.toString(), "400000").redirectErrorStream(true).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(out).contains("streamed 400000 of 400000").doesNotContain("OutOfMemoryError");
        assertThat(p.exitValue()).isZero();
        assertThat(Files.size(f)).isGreaterThan(30_000_000L);
    }
}
