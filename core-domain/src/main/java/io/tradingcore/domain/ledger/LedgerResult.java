package io.tradingcore.domain.ledger;

import java.util.List;
import java.util.Objects;

/** Result of posting to the ledger: the new entries and ledger, or a refusal that changed nothing. */
public sealed interface LedgerResult {

    /** Entries written in order; {@code ledger} is the state after the last one. */
    record Posted(List<CashEntry> entries, CashLedger ledger) implements LedgerResult {
        public Posted {
            entries = List.copyOf(entries);
            Objects.requireNonNull(ledger, "ledger");
        }
    }

    /** The posting would make the balance negative (or is otherwise invalid); nothing was posted. */
    record Refused(String reason) implements LedgerResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
