package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.ACCOUNT;
import static io.tradingcore.adapter.postgres.jooq.Tables.CASH_ENTRY_REF;
import static io.tradingcore.adapter.postgres.jooq.Tables.CASH_LEDGER;
import static io.tradingcore.adapter.postgres.jooq.Tables.EXECUTED_TRADE;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_FILL;

import io.tradingcore.adapter.postgres.jooq.tables.records.CashLedgerRecord;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.out.ConflictingWriteException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * cash_ledger and cash_entry_ref for {@link PgExecutionRepository}: an account's chain of cash entries (one
 * sequence per account, each with its balance after it), appended idempotently by entry id and read back as
 * {@link CashEntry} values.
 */
final class CashLedgerRows {

    private CashLedgerRows() {
    }

    /**
     * Appends entries to the account's chain (entry_seq = last + 1); an entry id already stored is skipped
     * if identical and refused if not. The account row lock serialises concurrent appenders.
     */
    static void append(DSLContext tx, RunKey key, AccountId account, List<CashEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        tx.select(ACCOUNT.ACCOUNT_ID).from(ACCOUNT).where(ACCOUNT.ACCOUNT_ID.eq(account.value())).forNoKeyUpdate().fetch();
        List<UUID> ids = entries.stream().map(CashEntry::entryId).toList();
        Map<UUID, CashEntry> stored = new LinkedHashMap<>();
        for (Record r : query(tx).where(CASH_ENTRY_REF.ENTRY_ID.in(ids)).fetch()) {
            CashEntry e = entry(r);
            stored.put(e.entryId(), e);
        }
        Long last = tx.select(DSL.max(CASH_LEDGER.ENTRY_SEQ)).from(CASH_LEDGER)
                .where(CASH_LEDGER.ACCOUNT_ID.eq(account.value())).fetchSingle().value1();
        long seq = last == null ? 0 : last;
        for (CashEntry e : entries) {
            if (!e.account().equals(account)) {
                throw new IllegalArgumentException("cash entry " + e.entryId() + " is for account " + e.account()
                        + ", not " + account);
            }
            CashEntry s = stored.get(e.entryId());
            if (s != null) {
                if (!sameEntry(s, e)) {
                    throw new ConflictingWriteException("cash_ledger: entry " + e.entryId() + " of account " + account
                            + " is already stored with different content");
                }
                continue;
            }
            seq++;
            CashLedgerRecord r = tx.newRecord(CASH_LEDGER);
            r.setAccountId(account.value());
            r.setEntrySeq(seq);
            r.setEntryType(e.type().name());
            r.setAmount(e.amount());
            r.setBalanceAfter(e.balanceAfter());
            r.setRunId(key.runId().value());
            r.setRunMode(key.mode());
            r.setHourTsUtc(Conv.hour(key.hour()));
            r.setTradeId(e.orderId() == null ? null : DeterministicIds.executedTradeId(e.orderId(), e.tradeId()));
            r.setEntryTsUtc(Conv.ts(e.ts()));
            r.setDescription(e.memo());
            tx.insertInto(CASH_LEDGER).set(r).execute();
            tx.insertInto(CASH_ENTRY_REF).set(CASH_ENTRY_REF.ENTRY_ID, e.entryId())
                    .set(CASH_ENTRY_REF.ACCOUNT_ID, account.value()).set(CASH_ENTRY_REF.ENTRY_SEQ, seq).execute();
        }
    }

    private static boolean sameEntry(CashEntry a, CashEntry b) {
        return a.type() == b.type() && a.amount().compareTo(b.amount()) == 0
                && a.balanceAfter().compareTo(b.balanceAfter()) == 0 && a.ts().equals(Conv.ts(b.ts()))
                && a.memo().equals(b.memo()) && Objects.equals(a.orderId(), b.orderId())
                && Objects.equals(a.tradeId(), b.tradeId());
    }


    static Condition modeOf(RunMode mode) {
        // entries booked outside any cycle carry no run key, hence no mode: they belong to every mode
        return CASH_LEDGER.RUN_MODE.eq(mode).or(CASH_LEDGER.RUN_MODE.isNull());
    }

    static SelectOnConditionStep<Record> query(DSLContext ctx) {
        return ctx.select(CASH_LEDGER.fields()).select(CASH_ENTRY_REF.ENTRY_ID, EXECUTED_TRADE.ORDER_ID,
                        ORDER_FILL.EXCHANGE_TRADE_ID)
                .from(CASH_LEDGER)
                .leftJoin(CASH_ENTRY_REF).on(CASH_ENTRY_REF.ACCOUNT_ID.eq(CASH_LEDGER.ACCOUNT_ID)
                        .and(CASH_ENTRY_REF.ENTRY_SEQ.eq(CASH_LEDGER.ENTRY_SEQ)))
                .leftJoin(EXECUTED_TRADE).on(EXECUTED_TRADE.TRADE_ID.eq(CASH_LEDGER.TRADE_ID))
                .leftJoin(ORDER_FILL).on(ORDER_FILL.FILL_ID.eq(EXECUTED_TRADE.FILL_ID));
    }

    static CashEntry entry(Record r) {
        short account = r.get(CASH_LEDGER.ACCOUNT_ID);
        long seq = r.get(CASH_LEDGER.ENTRY_SEQ);
        UUID id = r.get(CASH_ENTRY_REF.ENTRY_ID);
        if (id == null) {
            // a row written outside this adapter: give it a stable id from its place in the chain
            id = DeterministicIds.uuid("cash-row", Short.toString(account), Long.toString(seq));
        }
        UUID order = r.get(EXECUTED_TRADE.ORDER_ID);
        String trade = r.get(ORDER_FILL.EXCHANGE_TRADE_ID);
        return new CashEntry(id, new AccountId(account), CashEntryType.valueOf(r.get(CASH_LEDGER.ENTRY_TYPE)),
                r.get(CASH_LEDGER.AMOUNT), r.get(CASH_LEDGER.BALANCE_AFTER), r.get(CASH_LEDGER.ENTRY_TS_UTC),
                order == null ? null : new OrderId(order), trade == null ? null : new ExchangeTradeId(trade),
                r.get(CASH_LEDGER.DESCRIPTION));
    }
}
