package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.EXECUTED_TRADE;
import static io.tradingcore.adapter.postgres.jooq.Tables.PORTFOLIO_HOURLY_STATE;
import static io.tradingcore.adapter.postgres.jooq.Tables.RISK_HOURLY_STATE;
import static io.tradingcore.adapter.postgres.jooq.Tables.RUN_CONTEXT;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.ports.out.ReportingRepository;
import java.util.List;

/** Report reads: one joined query per series. */
final class PgReportingRepository implements ReportingRepository {
    private final Db db;

    PgReportingRepository(Db db) {
        this.db = db;
    }

    @Override
    public List<EquityRow> equityCurve(AccountId account, RunMode mode, HourTs from, HourTs to) {
        return db.read("reading the equity curve of account " + account, ctx -> ctx
                .select(PORTFOLIO_HOURLY_STATE.HOUR_TS_UTC, PORTFOLIO_HOURLY_STATE.CASH, PORTFOLIO_HOURLY_STATE.POSITIONS_VALUE,
                        PORTFOLIO_HOURLY_STATE.EQUITY, PORTFOLIO_HOURLY_STATE.DRAWDOWN_PCT, RISK_HOURLY_STATE.DRAWDOWN_TIER)
                .from(PORTFOLIO_HOURLY_STATE)
                .join(RUN_CONTEXT).on(RUN_CONTEXT.RUN_ID.eq(PORTFOLIO_HOURLY_STATE.RUN_ID))
                .join(RISK_HOURLY_STATE).on(RISK_HOURLY_STATE.RUN_ID.eq(PORTFOLIO_HOURLY_STATE.RUN_ID)
                        .and(RISK_HOURLY_STATE.HOUR_TS_UTC.eq(PORTFOLIO_HOURLY_STATE.HOUR_TS_UTC)))
                .where(RUN_CONTEXT.ACCOUNT_ID.eq(account.value()))
                .and(RUN_CONTEXT.RUN_MODE.eq(mode))
                .and(PORTFOLIO_HOURLY_STATE.HOUR_TS_UTC.ge(from.toInstant()))
                .and(PORTFOLIO_HOURLY_STATE.HOUR_TS_UTC.lt(to.toInstant()))
                .orderBy(PORTFOLIO_HOURLY_STATE.HOUR_TS_UTC)
                .fetch(r -> new EquityRow(HourTs.of(r.value1()), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6())));
    }

    @Override
    public List<TradeRow> trades(AccountId account, RunMode mode, HourTs from, HourTs to) {
        return db.read("reading the trades of account " + account, ctx -> ctx
                .selectFrom(EXECUTED_TRADE)
                .where(EXECUTED_TRADE.ACCOUNT_ID.eq(account.value()))
                .and(EXECUTED_TRADE.RUN_MODE.eq(mode))
                .and(EXECUTED_TRADE.HOUR_TS_UTC.ge(from.toInstant()))
                .and(EXECUTED_TRADE.HOUR_TS_UTC.lt(to.toInstant()))
                .orderBy(EXECUTED_TRADE.EXECUTED_AT_UTC, EXECUTED_TRADE.TRADE_ID)
                .fetch(r -> new TradeRow(r.getExecutedAtUtc(), HourTs.of(r.getHourTsUtc()), new AssetId(r.getAssetId()),
                        r.getSide(), r.getQuantity(), r.getPrice(), r.getFeeQuote(),
                        r.getRealizedPnl())));
    }
}
