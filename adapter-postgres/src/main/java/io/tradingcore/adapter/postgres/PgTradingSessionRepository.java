package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.ACCOUNT;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_FILL;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_REQUEST;
import static io.tradingcore.adapter.postgres.jooq.Tables.RUN_CONTEXT;
import static org.jooq.impl.DSL.max;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.ports.out.TradingSessionRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Start-up reads of a PAPER or LIVE session: account by name, booked orders and fills, last run hour. */
final class PgTradingSessionRepository implements TradingSessionRepository {
    private final Db db;

    PgTradingSessionRepository(Db db) {
        this.db = db;
    }

    @Override
    public Optional<AccountId> accountByName(String name) {
        return db.read("looking up account '" + name + "'", ctx -> ctx.select(ACCOUNT.ACCOUNT_ID).from(ACCOUNT)
                .where(ACCOUNT.ACCOUNT_NAME.eq(name)).fetchOptional(r -> AccountId.of(r.value1())));
    }

    @Override
    public SortedSet<ClientOrderId> clientOrderIds(AccountId account, RunMode mode) {
        return db.read("reading the " + mode + " orders of account " + account, ctx -> ctx
                .select(ORDER_REQUEST.CLIENT_ORDER_ID).from(ORDER_REQUEST)
                .where(ORDER_REQUEST.ACCOUNT_ID.eq(Conv.id(account))).and(ORDER_REQUEST.RUN_MODE.eq(mode))
                .fetch(r -> new ClientOrderId(r.value1()))).stream().collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    @Override
    public List<BookedTrade> bookedTrades(AccountId account, RunMode mode) {
        return db.read("reading the " + mode + " fills of account " + account, ctx -> ctx
                .select(ORDER_REQUEST.CLIENT_ORDER_ID, ORDER_FILL.EXCHANGE_TRADE_ID).from(ORDER_FILL)
                .join(ORDER_REQUEST).on(ORDER_REQUEST.ORDER_ID.eq(ORDER_FILL.ORDER_ID))
                .where(ORDER_REQUEST.ACCOUNT_ID.eq(Conv.id(account))).and(ORDER_REQUEST.RUN_MODE.eq(mode))
                .orderBy(ORDER_REQUEST.CLIENT_ORDER_ID, ORDER_FILL.EXCHANGE_TRADE_ID)
                .fetch(r -> new BookedTrade(new ClientOrderId(r.value1()), new ExchangeTradeId(r.value2()))));
    }

    @Override
    public Optional<HourTs> lastRunHour(AccountId account, RunMode mode) {
        Instant last = db.read("reading the last " + mode + " hour of account " + account, ctx -> ctx
                .select(max(RUN_CONTEXT.HOUR_TS_UTC)).from(RUN_CONTEXT)
                .where(RUN_CONTEXT.ACCOUNT_ID.eq(Conv.id(account))).and(RUN_CONTEXT.RUN_MODE.eq(mode))
                .fetchOne(r -> r.value1()));
        return Optional.ofNullable(last).map(Conv::hour);
    }
}
