--liquibase formatted sql

-- Workers (app-assembly's `worker` command, docs/scale.md "Workers"): the task table of db-scheduler
-- (com.github.kagkarlsson:db-scheduler 16.x, its PostgreSQL DDL unchanged, so the library's queries
-- find what they expect) and a log of which worker ran which task. Not part of the DDL contract: both
-- are mutable bookkeeping, nothing decision-relevant lives here.

--changeset tradingcore:110-scheduled-tasks
CREATE TABLE scheduled_tasks (
    task_name TEXT NOT NULL,
    task_instance TEXT NOT NULL,
    task_data BYTEA,
    execution_time TIMESTAMPTZ NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by TEXT,
    last_success TIMESTAMPTZ,
    last_failure TIMESTAMPTZ,
    consecutive_failures INT,
    last_heartbeat TIMESTAMPTZ,
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

--changeset tradingcore:110-worker-execution
-- One row per attempt of a task by a worker: started when the worker begins it, finished with its
-- outcome when it ends. An attempt of a worker that died keeps finished_at_utc NULL; the task's next
-- attempt (by another worker, after db-scheduler declared the execution dead) gets its own row.
CREATE TABLE worker_execution (
    execution_id BIGINT GENERATED ALWAYS AS IDENTITY,
    task_name TEXT NOT NULL,
    task_instance TEXT NOT NULL,
    worker_name TEXT NOT NULL,
    started_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at_utc TIMESTAMPTZ,
    outcome TEXT,
    detail TEXT,

    CONSTRAINT pk_worker_execution PRIMARY KEY (execution_id),
    CONSTRAINT ck_worker_execution_outcome CHECK (outcome IS NULL OR outcome IN ('DONE', 'FAILED')),
    CONSTRAINT ck_worker_execution_finished CHECK ((finished_at_utc IS NULL) = (outcome IS NULL))
);
CREATE INDEX ix_worker_execution_task ON worker_execution (task_name, task_instance);
