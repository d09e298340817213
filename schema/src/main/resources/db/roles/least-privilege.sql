-- Least-privilege roles for the trading core (docs/schema.md, "Roles and the superuser bypass").
-- Placeholders: ${database}, ${migration_role}, ${migration_password}, ${runtime_role}, ${runtime_password}.
-- Every guarantee of the schema is a constraint or a trigger, and a superuser can switch triggers off
-- (SET session_replication_role = replica; ALTER TABLE ... DISABLE TRIGGER) or TRUNCATE around them. So the
-- jar should never connect as a superuser: it migrates as the migration role and runs as the runtime role,
-- neither of which is a superuser, has REPLICATION or BYPASSRLS, or may create roles or databases.
-- Proven by LeastPrivilegeRolesIT (schema module).

-- Part 1, as a superuser (or a role with CREATEROLE), once per cluster and database:
CREATE ROLE ${migration_role} LOGIN PASSWORD '${migration_password}'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE ROLE ${runtime_role} LOGIN PASSWORD '${runtime_password}'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
-- the migration role owns the database (PostgreSQL 15+: and so the public schema) and every object it creates
ALTER DATABASE ${database} OWNER TO ${migration_role};
REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${runtime_role};
-- the TimescaleDB changeSet's precondition reads shared_preload_libraries
GRANT pg_read_all_settings TO ${migration_role};
-- TimescaleDB is not a trusted extension: where the server preloads it, a superuser creates it here, before
-- `migrate` (which then finds it installed and creates the hypertables as the migration role)
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
            AND current_setting('shared_preload_libraries') ~ 'timescaledb' THEN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
    END IF;
END $$;

-- @after-migration
-- Part 2, as the migration role, after `migrate` (again after every migration that adds a table):
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${runtime_role};
-- read everything, append everywhere (append-only tables refuse the rest by trigger anyway)
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO ${runtime_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${runtime_role};
-- what the ports update: run status, order status, backtest status, the active model, hourly states (upserts)
GRANT UPDATE ON run_context, order_request, backtest_run, model_version,
    position_hourly_state, portfolio_hourly_state, risk_hourly_state TO ${runtime_role};
-- a resumed hour rewrites its positions; a resumed FAILED run replaces its step hashes (trigger-checked)
GRANT DELETE ON position_hourly_state TO ${runtime_role};
DO $$ BEGIN
    IF to_regclass('run_step_hash') IS NOT NULL THEN -- adapter-postgres's changelog
        GRANT DELETE ON run_step_hash TO ${runtime_role};
    END IF;
END $$;
-- the triggers lock the account row (SELECT ... FOR NO KEY UPDATE needs an UPDATE right on some column);
-- created_at_utc is the only column this lets the runtime role change
GRANT UPDATE (created_at_utc) ON account TO ${runtime_role};
-- Liquibase's up-to-date check at start-up (it takes and releases the changelog lock); a pending changeSet
-- then fails for want of DDL rights instead of being applied by the runtime role
GRANT UPDATE ON databasechangeloglock TO ${runtime_role};
-- No TRUNCATE, no DELETE elsewhere, no DDL, no trigger switching, no session_replication_role.
