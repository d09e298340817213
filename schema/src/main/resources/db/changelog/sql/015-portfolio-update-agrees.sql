--liquibase formatted sql

-- Issue 17, item 6 (gap left by 013-risk-portfolio-agree): an UPDATE of a portfolio row alone was not
-- checked against the risk row of its hour, because a resumed hour rewrites both in one transaction,
-- portfolio first. Once the hour's run is COMPLETED nothing rewrites it, so from then on an UPDATE of
-- the portfolio row is checked like every write of the risk row: a changed drawdown_pct that disagrees
-- with the risk row is refused (and the risk row cannot be changed first, its trigger checks it against
-- the portfolio row). While the run is STARTED or FAILED (a resume), the risk row written next is checked.

--changeset tradingcore:015-portfolio-update-agrees-with-risk splitStatements:false
CREATE FUNCTION fn_portfolio_update_agrees_with_risk()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    v_risk NUMERIC;
BEGIN
    IF NEW.drawdown_pct IS DISTINCT FROM OLD.drawdown_pct
       AND EXISTS (SELECT 1 FROM run_context r WHERE r.run_id = NEW.run_id AND r.status = 'COMPLETED') THEN
        SELECT drawdown_pct INTO v_risk FROM risk_hourly_state
         WHERE run_id = NEW.run_id AND hour_ts_utc = NEW.hour_ts_utc;
        IF FOUND AND v_risk <> NEW.drawdown_pct THEN
            RAISE EXCEPTION 'portfolio_hourly_state of run % hour % refused: drawdown_pct % disagrees with % of the risk row of the same COMPLETED hour (trg_risk_portfolio_agree)',
                NEW.run_id, NEW.hour_ts_utc, NEW.drawdown_pct, v_risk
                USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_risk_portfolio_agree';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_portfolio_hourly_state_update_agrees_with_risk
BEFORE UPDATE ON portfolio_hourly_state
FOR EACH ROW EXECUTE FUNCTION fn_portfolio_update_agrees_with_risk();
