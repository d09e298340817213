package io.tradingcore.ports.out;

import java.util.List;

/**
 * Outcome of a market-data ingest: rows newly stored, rows already stored with identical values
 * (skipped), rows whose key exists with different values (refused and listed, never overwritten).
 */
public record IngestResult(int inserted, int identicalDuplicates, int conflicts, List<String> conflictKeys) {
    public IngestResult {
        if (inserted < 0 || identicalDuplicates < 0 || conflicts < 0) {
            throw new IllegalArgumentException("ingest counts must be >= 0");
        }
        conflictKeys = List.copyOf(conflictKeys);
        if (conflictKeys.size() > conflicts) {
            throw new IllegalArgumentException("more conflict keys than conflicts");
        }
    }

    /** Nothing ingested. */
    public static IngestResult none() {
        return new IngestResult(0, 0, 0, List.of());
    }
}
