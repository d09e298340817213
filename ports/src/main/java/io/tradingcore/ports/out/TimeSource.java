package io.tradingcore.ports.out;

import java.time.Instant;

/** The only source of wall-clock time (named apart from java.time.Clock); the cycle never calls Instant.now() itself. */
public interface TimeSource {
    /** The current instant (UTC). Implementations for tests and backtests return a controlled value. */
    Instant now();
}
