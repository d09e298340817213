package io.tradingcore.adapter.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the project's hourly candle CSV ({@code open_time_utc,open,high,low,close,volume}, optionally gzipped). */
final class CandleCsv {

    private CandleCsv() {
    }

    static List<Bar> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read candles from " + file, e);
        }
    }

    static List<Bar> readResource(String resource) {
        InputStream in = CandleCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("candle resource not found on the classpath: " + resource);
        }
        try (in) {
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read candles from " + resource, e);
        }
    }

    private static List<Bar> read(InputStream raw, String name) throws IOException {
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        List<Bar> bars = new ArrayList<>(50_000);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("open_time_utc,")) {
                throw new IllegalArgumentException(name + ": expected header open_time_utc,open,high,low,close,volume");
            }
            String line;
            int lineNo = 1;
            Instant previous = null;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 6) {
                    throw new IllegalArgumentException(name + ":" + lineNo + ": expected 6 fields, got " + f.length);
                }
                Instant t = Instant.parse(f[0]);
                if (previous != null && !t.isAfter(previous)) {
                    throw new IllegalArgumentException(name + ":" + lineNo + ": candles not strictly ascending at " + t);
                }
                previous = t;
                bars.add(new Bar(t, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        }
        return List.copyOf(bars);
    }
}
