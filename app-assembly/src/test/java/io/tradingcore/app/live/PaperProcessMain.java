package io.tradingcore.app.live;

import io.tradingcore.app.PaperCommand;
import java.io.PrintWriter;
import java.time.Clock;

/** {@code paper} as its own JVM with the real Ctrl-C hook, as Main will run it (used by PaperSessionIT). */
public final class PaperProcessMain {
    private PaperProcessMain() {
    }

    public static void main(String[] args) {
        System.exit(PaperCommand.execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), null, args));
    }
}
