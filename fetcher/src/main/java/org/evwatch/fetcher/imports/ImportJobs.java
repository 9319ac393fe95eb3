package org.evwatch.fetcher.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.fetcher.inbox.ImportEntry;

/** The import jobs and the outcome of each of their entries (tables {@code import_job}, {@code import_entry}). */
@ApplicationScoped
public class ImportJobs {

    private static final String INTERRUPTED = "the fetcher stopped while this import ran; import the file again:"
            + " records already sent are not sent twice";

    private final DataSource db;

    public ImportJobs(DataSource db) {
        this.db = db;
    }

    /** A new RUNNING job with every entry pending; returns its id. */
    public UUID create(String owner, String fileName, String contentType, List<ImportEntry> entries) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement job = c.prepareStatement("insert into import_job (id, owner, file_name,"
                    + " content_type, state, created_at) values (?, ?, ?, ?, 'RUNNING', ?)")) {
                job.setObject(1, id);
                job.setString(2, owner);
                job.setString(3, fileName);
                job.setString(4, contentType);
                job.setTimestamp(5, Timestamp.from(Instant.now()));
                job.executeUpdate();
            }
            try (PreparedStatement entry = c.prepareStatement("insert into import_entry (job_id, position, label)"
                    + " values (?, ?, ?)")) {
                for (ImportEntry e : entries) {
                    entry.setObject(1, id);
                    entry.setInt(2, e.position());
                    entry.setString(3, cut(e.label(), 600));
                    entry.addBatch();
                }
                entry.executeBatch();
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the import job: " + e.getMessage(), e);
        }
    }

    /** Stores the outcomes of some entries of a job. */
    public void record(UUID job, List<ImportOutcome> outcomes) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("update import_entry set"
                        + " outcome = ?, source = ?, record_id = ?, detail = ? where job_id = ? and position = ?")) {
            for (ImportOutcome o : outcomes) {
                s.setString(1, o.outcome().name());
                s.setString(2, o.source());
                s.setString(3, o.recordId());
                s.setString(4, o.detail());
                s.setObject(5, job);
                s.setInt(6, o.position());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store import outcomes: " + e.getMessage(), e);
        }
    }

    /** Ends a job: DONE, or FAILED with why (entries without an outcome stay pending). */
    public void finish(UUID job, ImportJob.State state, String error) {
        execute("update import_job set state = ?, error = ?, finished_at = ? where id = ?", state.name(), error,
                Timestamp.from(Instant.now()), job);
    }

    /** Jobs left RUNNING by a fetcher that stopped: nothing works on them any more. */
    public void failInterrupted() {
        execute("update import_job set state = 'FAILED', error = ?, finished_at = ? where state = 'RUNNING'",
                INTERRUPTED, Timestamp.from(Instant.now()));
    }

    public Optional<ImportJob> find(UUID id) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select owner, file_name,"
                        + " content_type, state, error, created_at, finished_at from import_job where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ImportJob(id, r.getString(1), r.getString(2), r.getString(3),
                        ImportJob.State.valueOf(r.getString(4)), r.getString(5), instant(r, 6), instant(r, 7),
                        null, entries(c, id)).counted());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the import job: " + e.getMessage(), e);
        }
    }

    private static List<ImportOutcome> entries(Connection c, UUID id) throws SQLException {
        List<ImportOutcome> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select position, label, outcome, source, record_id, detail"
                + " from import_entry where job_id = ? order by position")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String outcome = r.getString(3);
                    out.add(new ImportOutcome(r.getInt(1), r.getString(2), outcome == null
                            ? null
                            : ImportOutcome.Outcome.valueOf(outcome), r.getString(4), r.getString(5), r.getString(6)));
                }
            }
        }
        return out;
    }

    private void execute(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update import jobs: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
