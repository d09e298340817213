package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.WorkerAttemptLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code worker_execution}: which worker ran which attempt of a task, and how it ended (autocommit, outside the task's
 * work); {@code scheduled_tasks} (db-scheduler's table) for what is still queued.
 */
final class PgWorkerLog implements WorkerAttemptLog {

    private final DataSource ds;

    PgWorkerLog(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public long started(String task, String instance, String worker) {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO worker_execution (task_name, task_instance, worker_name)"
                     + " VALUES (?, ?, ?) RETURNING execution_id")) {
            st.setString(1, task);
            st.setString(2, instance);
            st.setString(3, worker);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the start of " + task + "/" + instance + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void finished(long id, boolean done, String detail) {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE worker_execution SET finished_at_utc = now(), outcome = ?,"
                     + " detail = ? WHERE execution_id = ?")) {
            st.setString(1, done ? "DONE" : "FAILED");
            st.setString(2, detail);
            st.setLong(3, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the end of task attempt " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Attempt> latest(int limit) {
        List<Attempt> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT execution_id, task_name, task_instance, worker_name,"
                     + " to_char(started_at_utc AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                     + " to_char(finished_at_utc AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), outcome, detail"
                     + " FROM worker_execution ORDER BY execution_id DESC LIMIT ?")) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attempt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read worker_execution: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public long pending(List<String> taskNames) {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM scheduled_tasks WHERE task_name = ANY (?)")) {
            st.setArray(1, c.createArrayOf("text", taskNames.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read scheduled_tasks: " + e.getMessage(), e);
        }
    }
}
