package io.tradingcore.app.reliability;

import io.tradingcore.testdb.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code trading-core.jar} as a child JVM that a test may also kill: started, awaited, or
 * destroyed forcibly (SIGKILL on Linux, so no shutdown hook or finally block of the child runs).
 */
final class ChildJar {

    static final Path DATA = Path.of("..", "data", "market");

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJar(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Map<String, String> env(TestDatabases.Db db) {
        return Map.of("TRADING_DB_URL", db.url(), "TRADING_DB_USER", db.user(), "TRADING_DB_PASSWORD", db.password());
    }

    static ChildJar start(Map<String, String> env, String... args) throws IOException {
        Path jar = Path.of("target", "trading-core.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the jar is not built yet: " + jar + " (integration tests run after `package`)");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TRADING_DB_URL");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        return new ChildJar(pb.start(), out, err);
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return start(env, args).await(5);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Result await(int minutes) throws IOException, InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("child JVM did not finish within " + minutes + " min: " + output());
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** SIGKILL: the child gets no chance to finish its transaction, close its pool or run a shutdown hook. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
    }

    static Result ingestBtcAndEth(TestDatabases.Db db) throws IOException, InterruptedException {
        return run(env(db), "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString(),
                DATA.resolve("ETH_USDT_1h.csv.gz").toString());
    }
}
