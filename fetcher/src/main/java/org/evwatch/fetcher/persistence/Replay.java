package org.evwatch.fetcher.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A replay of every stored record to papers.fetched; it resumes after ({@link #afterSource}, {@link #afterRecordId}),
 * the last record of the last page Kafka acknowledged.
 */
@Entity
@Table(name = "replay")
public class Replay extends PanacheEntityBase {

    public enum State {
        RUNNING, DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
