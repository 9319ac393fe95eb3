package org.evwatch.fetcher.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A source's position for one watch: the last day of the last window whose records Kafka acknowledged. */
@Entity
@Table(name = "source_cursor")
public class SourceCursor extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "completed_through")
    public LocalDate completedThrough;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "records_sent", nullable = false)
    public long recordsSent;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "source")
        public String source;
        @Column(name = "watch_id")
        public String watchId;

        public Key() {
        }

        public Key(String source, String watchId) {
            this.source = source;
            this.watchId = watchId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.source.equals(source) && k.watchId.equals(watchId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, watchId);
        }
    }
}
