--liquibase formatted sql

-- run_step_hash is what `replay` compares against (issue 17, item 6): once the run it belongs to has
-- finished, its hashes are frozen. UPDATE and TRUNCATE are always refused; DELETE only while the run is
-- STARTED, which is how RunContextRepository.finish replaces the hashes of a FAILED run that was
-- resumed (it deletes them before it sets the terminal status).

--changeset tradingcore:102-run-step-hash-append-only splitStatements:false
CREATE FUNCTION fn_run_step_hash_append_only()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM run_context r WHERE r.run_id = OLD.run_id AND r.status = 'STARTED') THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'append-only violation on table run_step_hash, operation % is not allowed (the run has finished)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_run_step_hash_append_only';
END;
$$;

CREATE TRIGGER trg_run_step_hash_append_only
BEFORE UPDATE OR DELETE ON run_step_hash
FOR EACH ROW EXECUTE FUNCTION fn_run_step_hash_append_only();

CREATE TRIGGER trg_run_step_hash_append_only_truncate
BEFORE TRUNCATE ON run_step_hash
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('run_step_hash');
