package org.evwatch.fetcher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A replay of every stored record to papers.fetched; it resumes after ({@link #afterSource}, {@link #afterRecordId}),
 * the last record of the last page Kafka acknowledged.
 */
@Entity
@Table(name = "replay")
public class Replay extends LeasedJob {

    public enum State {
        RUNNING, DONE
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public long total;

    @Column(nullable = false)
    public long sent;

    @Column(nullable = false)
    public long missing;

    @Column(name = "after_source")
    public String afterSource;

    @Column(name = "after_record_id")
    public String afterRecordId;
}
