package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** qa round 2: Ctrl-C during a backtest printed nothing; the shutdown hook's line says what is kept and how to resume. */
class InterruptedBacktestTest {

    @Test
    void theMessageSaysWhatIsKeptAndTheSameCommandToResume() {
        String m = InterruptedBacktest.message("java -jar trading-core.jar",
                List.of("backtest", "--assets", "SOL/USDT,ETH/USDT", "--from", "2025-01-01", "--to", "2025-01-07",
                        "--config", "my config.yaml", "--commit-every", "4"), 4);
        assertThat(m).startsWith("interrupted: the hours committed so far are kept (written every 4 hour(s); the finished"
                + " hours not yet committed, at most 4, are recomputed identically) and the backtest stays RUNNING;"
                + " to resume, run the same command again:");
        assertThat(m).endsWith("  java -jar trading-core.jar backtest --assets SOL/USDT,ETH/USDT --from 2025-01-01"
                + " --to 2025-01-07 --config 'my config.yaml' --commit-every 4");
    }

    @Test
    void anArgumentWithAQuoteIsQuotedForTheShell() {
        assertThat(InterruptedBacktest.quoted("it's")).isEqualTo("'it'\\''s'");
        assertThat(InterruptedBacktest.quoted("--db-url=jdbc:postgresql://h:5432/db")).isEqualTo("--db-url=jdbc:postgresql://h:5432/db");
    }
}
