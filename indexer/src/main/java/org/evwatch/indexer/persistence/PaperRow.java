package org.evwatch.indexer.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A paper in the catalog: its ids for lookup, and the extracted record it was built from. */
@Entity
@Table(name = "paper")
public class PaperRow extends PanacheEntityBase {

    @Id
    public String id;
    public String doi;
    public String pmid;
    public String pmcid;
    @Column(nullable = false)
    public String title;
    public Integer year;
    /** The PaperExtracted event, as JSON. */
    @Column(nullable = false)
    public String extracted;
    @Column(nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Finds a paper by catalog id, {@code doi:}/{@code pmid:}/{@code pmcid:} id, or a bare DOI, PMID or PMCID. */
    public static PaperRow findByAnyId(String id) {
        PaperRow byId = findById(id);
        if (byId != null) {
            return byId;
        }
        String value = id.contains(":") && !id.startsWith("10.") ? id.substring(id.indexOf(':') + 1) : id;
        String doi = org.evwatch.events.PaperKeys.normaliseDoi(value);
        if (doi != null) {
            return find("doi", doi).firstResult();
        }
        String pmid = org.evwatch.events.PaperKeys.normalisePmid(value);
        if (pmid != null && !id.startsWith("pmcid:")) {
            return find("pmid", pmid).firstResult();
        }
        String pmcid = org.evwatch.events.PaperKeys.normalisePmcid(value);
        return pmcid == null ? null : find("pmcid", pmcid).firstResult();
    }
}
