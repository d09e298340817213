package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.PORTFOLIO_HOURLY_STATE;
import static io.tradingcore.adapter.postgres.jooq.Tables.POSITION_HOURLY_STATE;
import static io.tradingcore.adapter.postgres.jooq.Tables.RISK_HOURLY_STATE;
import static io.tradingcore.adapter.postgres.jooq.Tables.RUN_CONTEXT;

import io.tradingcore.adapter.postgres.jooq.tables.records.PortfolioHourlyStateRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.PositionHourlyStateRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.RiskHourlyStateRecord;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskHourlyState;
import io.tradingcore.domain.risk.TradingState;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.InvariantViolationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * position/portfolio/risk_hourly_state: the updatable end-of-hour state, rewritten as a whole per hour in
 * one transaction (positions deleted and inserted, portfolio and risk upserted).
 */
final class PgAccountStateRepository implements AccountStateRepository {
    private static final BigDecimal HALT_DRAWDOWN = new BigDecimal("0.20");

    private final Db db;

    PgAccountStateRepository(Db db) {
        this.db = db;
    }

    @Override
    public void recordHourlyState(RunKey key, HourlyState state) {
        if (!state.hour().equals(key.hour())) {
            throw new IllegalArgumentException("hourly state of " + state.hour() + " recorded under the run key of " + key.hour());
        }
        RiskHourlyState risk = state.risk();
        if (risk.drawdown().compareTo(HALT_DRAWDOWN) >= 0 && (risk.tier() != DrawdownTier.HALT20 || !risk.halted())) {
            throw new InvariantViolationException("20% drawdown halt rule: drawdown " + risk.drawdown().toPlainString()
                    + " must be HALT20 and halted, was " + risk.tier() + (risk.halted() ? " halted" : " not halted"));
        }
        String what = "recording the hourly state of run " + key.runId();
        UnitMemory unit = db.unitMemory();
        if (unit != null) {
            // the next hour's latestBefore is answered from here, not read back
            unit.<java.util.Map<Object, HourlyState>>carried(LATEST, java.util.HashMap::new)
                    .put(java.util.List.of(key.account(), key.mode()), state);
        }
        if (unit != null && unit.isFresh(key.runId().value())) {
            // a run new in this unit has no state rows yet: they wait for the unit's COPY, in FK order
            Rows rows = rows(key, state);
            db.append(what, RANK_POSITION, POSITION_HOURLY_STATE, rows.positions(), "position_hourly_state",
                    r -> "position of asset " + r.getAssetId() + " at " + r.getHourTsUtc());
            db.append(what, RANK_PORTFOLIO, PORTFOLIO_HOURLY_STATE, List.of(rows.portfolio()), "portfolio_hourly_state",
                    r -> "portfolio at " + r.getHourTsUtc());
            db.append(what, RANK_RISK, RISK_HOURLY_STATE, List.of(rows.risk()), "risk_hourly_state",
                    r -> "risk state at " + r.getHourTsUtc());
            return;
        }
        db.txBeside(what, tx -> {
            UUID run = key.runId().value();
            Instant hour = Conv.hour(key.hour());
            tx.deleteFrom(POSITION_HOURLY_STATE)
                    .where(POSITION_HOURLY_STATE.RUN_ID.eq(run), POSITION_HOURLY_STATE.HOUR_TS_UTC.eq(hour)).execute();
            Rows rows = rows(key, state);
            if (!rows.positions().isEmpty()) {
                tx.batchInsert(rows.positions()).execute();
            }
            upsert(tx, rows.portfolio());
            upsert(tx, rows.risk());
            return null;
        });
    }

    /** Flush ranks of the state rows: after the decision rows, all of them after their run context. */
    private static final int RANK_POSITION = 80;
    private static final int RANK_PORTFOLIO = 81;
    private static final int RANK_RISK = 82;
    /** The unit's latest recorded state per (account, mode). */
    private static final Object LATEST = new Object();

    private record Rows(List<PositionHourlyStateRecord> positions, PortfolioHourlyStateRecord portfolio,
                        RiskHourlyStateRecord risk) {
    }

    private static Rows rows(RunKey key, HourlyState state) {
        RiskHourlyState risk = state.risk();
        UUID run = key.runId().value();
        Instant hour = Conv.hour(key.hour());
        List<PositionHourlyStateRecord> positions = new ArrayList<>();
        BigDecimal realised = Decimals.ZERO;
        BigDecimal unrealised = Decimals.ZERO;
        for (PositionState p : state.positions()) {
            PositionHourlyStateRecord r = new PositionHourlyStateRecord();
            r.setRunId(run);
            r.setRunMode(key.mode());
            r.setHourTsUtc(hour);
            r.setAssetId(p.asset().value());
            r.setQuantity(p.quantity());
            r.setAvgCost(p.avgCost());
            r.setMarkPrice(p.markPrice());
            r.setMarketValue(p.marketValue());
            r.setRealizedPnl(p.realisedPnl());
            r.setUnrealizedPnl(p.unrealisedPnl());
            positions.add(r);
            realised = realised.add(p.realisedPnl());
            unrealised = unrealised.add(p.unrealisedPnl());
        }
        PortfolioState ps = state.portfolio();
        PortfolioHourlyStateRecord pr = new PortfolioHourlyStateRecord();
        pr.setRunId(run);
        pr.setRunMode(key.mode());
        pr.setHourTsUtc(hour);
        pr.setCash(ps.cash());
        pr.setPositionsValue(ps.marketValue());
        pr.setEquity(ps.equity());
        pr.setPeakEquity(ps.peakEquity());
        pr.setDrawdownPct(ps.drawdown());
        pr.setRealizedPnl(realised);
        pr.setUnrealizedPnl(unrealised);
        RiskHourlyStateRecord rr = new RiskHourlyStateRecord();
        rr.setRunId(run);
        rr.setRunMode(key.mode());
        rr.setHourTsUtc(hour);
        rr.setDrawdownPct(risk.drawdown());
        rr.setDrawdownTier(risk.tier());
        rr.setTradingHalted(risk.halted());
        rr.setHaltReason(risk.halted() ? "drawdown tier " + risk.tier() + " at drawdown " + risk.drawdown().toPlainString() : null);
        return new Rows(positions, pr, rr);
    }

    private static <R extends org.jooq.UpdatableRecord<R>> void upsert(DSLContext tx, R r) {
        org.jooq.Field<Instant> updatedAt = r.getTable().field("updated_at_utc", Instant.class);
        tx.insertInto(r.getTable()).set(r).onDuplicateKeyUpdate().set(r).set(updatedAt, org.jooq.impl.DSL.currentInstant())
                .execute();
    }

    @Override
    public Optional<HourlyState> latestBefore(AccountId account, RunMode mode, HourTs hour) {
        String what = "reading the latest hourly state of account " + account + " before " + hour;
        UnitMemory unit = db.unitMemory();
        HourlyState recorded = unit == null ? null
                : unit.<java.util.Map<Object, HourlyState>>carried(LATEST, java.util.HashMap::new).get(List.of(account, mode));
        if (recorded != null && recorded.hour().plusHours(1).equals(hour)) {
            // the unit recorded the hour just before: nothing can lie between it and this hour
            return Optional.of(recorded);
        }
        Db.Work<Optional<HourlyState>> read = tx -> {
            Record2<UUID, Instant> run = latestWithState(tx, account, mode, hour, RECENT_RUNS);
            if (run == null) {
                // more than RECENT_RUNS hours in a row without a state (skipped hours), or none at all
                run = latestWithState(tx, account, mode, hour, Integer.MAX_VALUE);
            }
            return run == null ? Optional.<HourlyState>empty() : load(tx, run.value1(), run.value2());
        };
        // state rows waiting in the unit must be written before the query can see them
        return recorded != null ? db.tx(what, read) : db.txBeside(what, read);
    }

    @Override
    public Optional<HourlyState> at(AccountId account, RunMode mode, HourTs hour) {
        return db.tx("reading the hourly state of account " + account + " at " + hour, tx -> {
            UUID run = tx.select(RUN_CONTEXT.RUN_ID).from(RUN_CONTEXT)
                    .where(PgRunContextRepository.triple(account, mode, hour)).fetchOne(RUN_CONTEXT.RUN_ID);
            return run == null ? Optional.<HourlyState>empty() : load(tx, run, hour.toInstant());
        });
    }

    /** Runs looked at by the bounded state query before the unbounded one. */
    private static final int RECENT_RUNS = 48;

    /**
     * The newest run of (account, mode) before {@code hour} that has a state, among the newest {@code recent}
     * runs. run_context's unique (account_id, run_mode, hour_ts_utc) index gives them newest first and each
     * state is one primary-key probe, so the bounded query is flat however long the run is; without the bound
     * the planner hash-joins every state row of the account once the run is long (6.6 ms at 8,760 hours).
     */
    private static Record2<UUID, Instant> latestWithState(DSLContext tx, AccountId account, RunMode mode, HourTs hour, int recent) {
        var runs = tx.select(RUN_CONTEXT.RUN_ID, RUN_CONTEXT.HOUR_TS_UTC).from(RUN_CONTEXT)
                .where(RUN_CONTEXT.ACCOUNT_ID.eq(account.value()), RUN_CONTEXT.RUN_MODE.eq(mode),
                        RUN_CONTEXT.HOUR_TS_UTC.lt(hour.toInstant()))
                .orderBy(RUN_CONTEXT.HOUR_TS_UTC.desc()).limit(recent).asTable("recent");
        org.jooq.Field<UUID> runId = runs.field(RUN_CONTEXT.RUN_ID);
        org.jooq.Field<Instant> runHour = runs.field(RUN_CONTEXT.HOUR_TS_UTC);
        return tx.select(runId, runHour).from(runs)
                .join(PORTFOLIO_HOURLY_STATE).on(PORTFOLIO_HOURLY_STATE.RUN_ID.eq(runId), PORTFOLIO_HOURLY_STATE.HOUR_TS_UTC.eq(runHour))
                .orderBy(runHour.desc()).limit(1).fetchOne();
    }

    private static Optional<HourlyState> load(DSLContext tx, UUID run, Instant hour) {
        PortfolioHourlyStateRecord p = tx.selectFrom(PORTFOLIO_HOURLY_STATE)
                .where(PORTFOLIO_HOURLY_STATE.RUN_ID.eq(run), PORTFOLIO_HOURLY_STATE.HOUR_TS_UTC.eq(hour)).fetchOne();
        RiskHourlyStateRecord r = tx.selectFrom(RISK_HOURLY_STATE)
                .where(RISK_HOURLY_STATE.RUN_ID.eq(run), RISK_HOURLY_STATE.HOUR_TS_UTC.eq(hour)).fetchOne();
        if (p == null || r == null) {
            return Optional.empty();
        }
        HourTs h = Conv.hour(hour);
        List<PositionState> positions = tx.selectFrom(POSITION_HOURLY_STATE)
                .where(POSITION_HOURLY_STATE.RUN_ID.eq(run), POSITION_HOURLY_STATE.HOUR_TS_UTC.eq(hour))
                .orderBy(POSITION_HOURLY_STATE.ASSET_ID)
                .fetch(x -> new PositionState(new AssetId(x.getAssetId()), h, x.getQuantity(), x.getAvgCost(),
                        x.getMarkPrice(), x.getMarketValue(), x.getRealizedPnl(), x.getUnrealizedPnl()));
        PortfolioState ps = new PortfolioState(h, p.getCash(), p.getPositionsValue(), p.getEquity(), p.getPeakEquity(),
                p.getDrawdownPct());
        DrawdownTier tier = r.getDrawdownTier();
        // risk_hourly_state has no trading-state column: halted is HALTED, a reduced tier is REDUCING
        TradingState ts = r.getTradingHalted() ? TradingState.HALTED
                : tier == DrawdownTier.NORMAL ? TradingState.ACTIVE : TradingState.REDUCING;
        RiskHourlyState rs = new RiskHourlyState(h, tier, r.getDrawdownPct(), p.getEquity(), p.getPeakEquity(),
                r.getTradingHalted(), ts);
        return Optional.of(new HourlyState(h, positions, ps, rs));
    }
}
