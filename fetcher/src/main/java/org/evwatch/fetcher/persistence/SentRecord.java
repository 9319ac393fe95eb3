package org.evwatch.fetcher.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record already sent to papers.fetched, with the hash of the content sent and the record itself. */
@Entity
@Table(name = "sent_record")
public class SentRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "times_sent", nullable = false)
    public int timesSent;

    /** The PaperFetched last sent, as JSON: what a replay sends again. Null for records sent before it was kept. */
    @Column(name = "record")
    public String record;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "source")
        public String source;
        @Column(name = "record_id")
        public String recordId;

        public Key() {
        }

        public Key(String source, String recordId) {
            this.source = source;
            this.recordId = recordId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.source.equals(source) && k.recordId.equals(recordId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, recordId);
        }
    }
}
