package io.tradingcore.app;

import io.tradingcore.testdb.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs CLI commands in this JVM ({@link Main#run}) with stdout and stderr captured; one at a time. */
final class InProcessCli {
    private InProcessCli() {
    }

    /** A finished command. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** The JDBC URL of {@code db} with its credentials as URL parameters (no environment needed). */
    static String url(TestDatabases.Db db) {
        return db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(db.password() == null ? "" : db.password(), StandardCharsets.UTF_8);
    }

    static synchronized Result run(TestDatabases.Db db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db-url");
        all.add(url(db));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            System.setOut(po);
            System.setErr(pe);
            int code = Main.run(all.toArray(String[]::new));
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
