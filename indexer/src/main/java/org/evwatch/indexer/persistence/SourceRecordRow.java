package org.evwatch.indexer.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Which source said what about a paper, and when: the newest version of one source record. */
@Entity
@Table(name = "source_record")
@IdClass(SourceRecordRow.Pk.class)
public class SourceRecordRow extends PanacheEntityBase {

    @Id
    public String source;
    @Id
    @Column(name = "source_record_id")
    public String sourceRecordId;
    @Column(name = "paper_id", nullable = false)
    public String paperId;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "fetched_at")
    public Instant fetchedAt;
    @Column(name = "source_url")
    public String sourceUrl;
    @Column(name = "watch_id")
    public String watchId;
    @Column(name = "extracted_at", nullable = false)
    public Instant extractedAt;
    @Column(name = "extractor_version", nullable = false)
    public String extractorVersion;
    /** The PaperExtracted event as received. */
    @Column(nullable = false)
    public String record;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static SourceRecordRow find(String source, String sourceRecordId) {
        Pk pk = new Pk();
        pk.source = source;
        pk.sourceRecordId = sourceRecordId;
        return findById(pk);
    }

    public static List<SourceRecordRow> ofPaper(String paperId) {
        return list("paperId = ?1 order by source, sourceRecordId", paperId);
    }

    public static final class Pk implements Serializable {
        private static final long serialVersionUID = 1L;
        public String source;
        public String sourceRecordId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Pk p && Objects.equals(source, p.source)
                    && Objects.equals(sourceRecordId, p.sourceRecordId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, sourceRecordId);
        }
    }
}
