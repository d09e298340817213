package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.InvariantViolationException;
import io.tradingcore.ports.out.PortException;
import io.tradingcore.ports.out.StoreUnavailableException;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.jooq.exception.DataAccessException;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates database errors into the ports' exceptions. Messages name the rule a constraint or trigger
 * stands for and quote the server's sentence (which names the constraint and, for triggers, the values);
 * SQLState codes are used for the decision only and never appear in a message.
 */
final class DbErrors {
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("ck_order_request_no_leverage", "no-leverage rule"),
            Map.entry("ck_order_request_limit_buy_notional", "no-leverage rule (limit buy notional)"),
            Map.entry("ck_cash_ledger_balance_nonneg", "non-negative cash rule"),
            Map.entry("trg_cash_ledger_chain", "cash-ledger chain rule"),
            Map.entry("ck_cash_ledger_amount_sign", "cash amount sign rule"),
            Map.entry("trg_order_fill_within_requested_qty", "fill-within-order-quantity rule"),
            Map.entry("trg_order_request_lifecycle", "order lifecycle rule"),
            Map.entry("ck_risk_hourly_state_dd20_halt", "20% drawdown halt rule"),
            Map.entry("ck_risk_hourly_state_halt20_halted", "20% drawdown halt rule"),
            Map.entry("ck_risk_hourly_state_tier_matches_drawdown", "drawdown tier rule"),
            Map.entry("ck_feature_snapshot_no_lookahead", "no-lookahead rule"),
            Map.entry("ck_position_hourly_state_long_only", "long-only rule"),
            Map.entry("ck_portfolio_hourly_state_equity_sum", "equity = cash + positions rule"),
            Map.entry("ck_portfolio_hourly_state_peak_ge_equity", "peak equity rule"),
            Map.entry("ck_model_version_horizon_by_role", "model horizon rule (only REGIME models have no horizon)"),
            Map.entry("uqix_model_version_one_active_per_name_role", "one active model per (name, role) rule"),
            Map.entry("trg_model_version_immutable", "model version immutability rule"),
            Map.entry("trg_meta_learner_component_links", "meta component link rule"),
            Map.entry("ck_run_context_backtest_link", "backtest link rule"),
            Map.entry("uq_run_context_account_mode_hour", "one run per (account, mode, hour) rule"),
            Map.entry("trg_order_request_sell_within_filled_position", "sell-within-filled-position rule"),
            Map.entry("trg_risk_portfolio_agree", "risk-and-portfolio-agree rule"),
            Map.entry("trg_run_context_frozen_when_completed", "completed-run immutability rule"),
            Map.entry("trg_run_context_backtest_account", "backtest-owns-its-account rule"),
            Map.entry("trg_backtest_run_account_unused", "backtest-owns-its-account rule"),
            Map.entry("trg_asset_identity_frozen_when_used", "asset identity rule"),
            Map.entry("trg_run_step_hash_append_only", "step-hash append-only rule"));

    private DbErrors() {
    }

    static PortException map(String what, RuntimeException e) {
        SQLException sql = sqlCause(e);
        String state = sql == null ? null : sql.getSQLState();
        String serverText = serverText(sql, e);
        String constraint = constraint(sql);
        String rule = ruleOf(constraint, state);
        if (state == null) {
            return new StoreUnavailableException(what + " failed: " + serverText, e);
        }
        if (state.equals("23505")) {
            return new ConflictingWriteException(what + ": " + rule + ": " + serverText);
        }
        if (state.startsWith("23") || state.equals("P0001") || state.startsWith("22")) {
            return new InvariantViolationException(what + ": " + rule + ": " + serverText, e);
        }
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")) {
            return new StoreUnavailableException(what + ": the store is unavailable or aborted the transaction ("
                    + serverText + "); nothing was written", e);
        }
        return new PortException(what + " failed: " + serverText, e);
    }

    static PortException mapOther(String what, RuntimeException e) {
        return sqlCause(e) != null ? map(what, e) : new PortException(what + " failed: " + SchemaMigrator.rootMessage(e), e);
    }

    private static String ruleOf(String constraint, String state) {
        if (constraint != null) {
            String known = RULES.get(constraint);
            if (known != null) {
                return known;
            }
            if (constraint.startsWith("fk_")) {
                return "reference rule " + constraint;
            }
            return "rule " + constraint;
        }
        if ("P0001".equals(state)) {
            return "append-only rule";
        }
        return "database rule";
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                SQLException next = s.getNextException();
                return next instanceof PSQLException && !(s instanceof PSQLException) ? next : s;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static String constraint(SQLException sql) {
        ServerErrorMessage m = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return m == null ? null : m.getConstraint();
    }

    private static String serverText(SQLException sql, Throwable e) {
        ServerErrorMessage m = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (m != null && m.getMessage() != null) {
            String detail = m.getDetail() == null ? "" : " (" + m.getDetail() + ")";
            return m.getMessage() + detail;
        }
        return SchemaMigrator.rootMessage(e);
    }

    /** Port exceptions and rule violations pass as they are; everything else becomes a port exception. */
    static <T> T mapped(String what, Callable<T> work) {
        try {
            return work.call();
        } catch (PortException | IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            throw e;
        } catch (DataAccessException e) {
            throw map(what, e);
        } catch (RuntimeException e) {
            throw mapOther(what, e);
        } catch (Exception e) {
            throw mapOther(what, new IllegalStateException(e));
        }
    }

    /** The connection itself is gone (SQLState class 08, or the server shut it: 57P01-57P03). */
    static boolean connectionLost(DataAccessException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
            }
        }
        return false;
    }
}
