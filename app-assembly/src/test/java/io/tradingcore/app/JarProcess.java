package io.tradingcore.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code trading-core.jar} as a real child JVM (integration tests run after package):
 * to completion with {@link #run}, or started with {@link #start} so that a test may await or kill it
 * (SIGKILL on Linux: no shutdown hook or finally block of the child runs).
 */
public final class JarProcess {

    /** A finished child: exit code and everything it printed. */
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private final Process process;
    private final Path out;
    private final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static Path jar() {
        Path jar = Path.of("target", "trading-core.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the jar is not built yet: " + jar + " (integration tests run after `package`)");
        }
        return jar;
    }

    /** Starts the jar with {@code args}; TRADING_DB_URL of this JVM is not inherited, {@code env} is added. */
    public static JarProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TRADING_DB_URL");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        return new JarProcess(pb.start(), out, err);
    }

    /** Runs the jar to completion (at most 10 minutes). */
    public static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return start(env, args).await(10);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Result await(int minutes) throws IOException, InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("child JVM did not finish within " + minutes + " min: " + output());
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * SIGSTOP: the child is frozen where it is (its database sessions, locks and open transactions stay as they are)
     * until it is killed, so that what it has committed by then is fixed however fast the machine is.
     */
    public void freeze() throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -STOP " + process.pid() + " failed with exit code " + rc);
        }
    }

    /** SIGKILL: the child gets no chance to finish its transaction, close its pool or run a shutdown hook. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    public String output() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
    }
}
