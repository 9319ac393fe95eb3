package org.evwatch.fetcher.persistence;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A backfill of one source over a date range; {@link #nextDay} is where it resumes. */
@Entity
@Table(name = "backfill")
public class Backfill extends LeasedJob {

    public enum State {
        RUNNING, DONE, CANCELLED
    }

    @Column(nullable = false)
    public String source;

    @Column(name = "watch_id", nullable = false)
    public String watchId;

    @Column(name = "from_day", nullable = false)
    public LocalDate fromDay;

    @Column(name = "to_day", nullable = false)
    public LocalDate toDay;

    @Column(name = "next_day", nullable = false)
    public LocalDate nextDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public long seen;

    @Column(nullable = false)
    public long sent;
}
