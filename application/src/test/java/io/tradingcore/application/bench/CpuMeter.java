package io.tradingcore.application.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * CPU time of this JVM (all threads, GC and JIT included) and of the PostgreSQL server's processes (every
 * child of the postmaster: backends, WAL writer, checkpointer), read from /proc. The server must run on
 * this machine (the embedded one does); otherwise its figure is reported as unknown (-1). A process that
 * exits between two readings takes its CPU with it (short-lived autovacuum workers), so the server figure
 * is a lower bound.
 */
final class CpuMeter {
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux
    private final long postmaster;
    long jvmNanos;
    long pgNanos;
    /** CPU of the thread that reads the clocks (the backtest's engine thread), without JIT, GC and the writer thread. */
    long threadNanos;
    /** CPU of this JVM's JIT compiler threads and its GC threads (from /proc/self/task, 10 ms ticks). */
    long jitNanos;
    long gcNanos;

    CpuMeter(DataSource ds) {
        this.postmaster = postmasterPid(ds);
    }

    /** Reads the clocks: [jvm nanos, postgres nanos or -1, this thread's nanos]. */
    long[] read() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long[] jitGc = jitAndGcTicks();
        return new long[] {jvm, postmaster < 0 ? -1 : serverTicks() * TICK_NANOS,
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), jitGc[0] * TICK_NANOS, jitGc[1] * TICK_NANOS};
    }

    /** [JIT compiler threads' ticks, GC threads' ticks] of this JVM, by thread name. */
    private static long[] jitAndGcTicks() {
        long jit = 0;
        long gc = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                String s;
                try {
                    s = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ticks;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
        return new long[] {jit, gc};
    }

    /** Adds the CPU spent since {@code start} (a {@link #read} result). */
    void add(long[] start) {
        long[] now = read();
        jvmNanos += now[0] - start[0];
        threadNanos += now[2] - start[2];
        jitNanos += now[3] - start[3];
        gcNanos += now[4] - start[4];
        pgNanos = start[1] < 0 || pgNanos < 0 ? -1 : pgNanos + now[1] - start[1];
    }

    private long serverTicks() {
        long sum = 0;
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path d : dirs) {
                long[] s = stat(d.resolve("stat"));
                if (s != null && (s[0] == postmaster || Long.parseLong(d.getFileName().toString()) == postmaster)) {
                    sum += s[1];
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /** [ppid, utime + stime] of one process, or null if it is gone. */
    private static long[] stat(Path file) {
        try {
            String s = Files.readString(file);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12)
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long postmasterPid(DataSource ds) {
        if (ds == null) {
            return -1;
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long[] backend = stat(Path.of("/proc", String.valueOf(rs.getLong(1)), "stat"));
            return backend == null ? -1 : backend[0];
        } catch (SQLException e) {
            return -1;
        }
    }
}
