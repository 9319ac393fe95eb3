package org.evwatch.indexer.persistence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.evwatch.events.PaperKeys;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A merged paper in the catalog: its ids, bibliographic columns for SQL, and the merged paper as announced on
 * papers.indexed (from which the search index is rebuilt).
 */
@Entity
@Table(name = "paper")
public class PaperRow extends PanacheEntityBase {

    @Id
    public String id;
    public String doi;
    public String pmid;
    public String pmcid;
    @Column(name = "preprint_doi")
    public String preprintDoi;
    @Column(name = "published_doi")
    public String publishedDoi;
    @Column(nullable = false)
    public String title;
    @Column(name = "abstract_text")
    public String abstractText;
    public Integer year;
    @Column(name = "journal_title")
    public String journalTitle;
    @Column(name = "journal_iso")
    public String journalIso;
    @Column(name = "journal_issn")
    public String journalIssn;
    @Column(name = "journal_eissn")
    public String journalEissn;
    @Column(name = "journal_volume")
    public String journalVolume;
    @Column(name = "journal_issue")
    public String journalIssue;
    @Column(name = "journal_pages")
    public String journalPages;
    @Column(name = "journal_article")
    public String journalArticle;
    @Column(name = "journal_publisher")
    public String journalPublisher;
    @Column(name = "date_received")
    public String dateReceived;
    @Column(name = "date_accepted")
    public String dateAccepted;
    @Column(name = "date_published")
    public String datePublished;
    @Column(name = "date_epub")
    public String dateEpub;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    public String tldr;
    /** The TL;DR the source wrote itself, when it wrote one. */
    @Column(name = "source_tldr")
    public String sourceTldr;
    /** The source's own statement of the paper's contribution. */
    @Column(name = "source_contribution")
    public String sourceContribution;
    @Column(name = "relevance_label")
    public String relevanceLabel;
    @Column(name = "relevance_score")
    public Double relevanceScore;
    public boolean preprint;
    /** Source names, comma-separated, sorted. */
    public String sources;
    /** The PaperIndexed JSON of the current version. */
    public String merged;
    @Column(name = "merged_hash")
    public String mergedHash;
    @Column(name = "change_seq")
    public long changeSeq;
    @Column(nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Finds a paper by catalog id (or the id of a paper merged into it), {@code doi:}/{@code pmid:}/{@code pmcid:}
     * id, or a bare DOI, PMID or PMCID.
     */
    public static PaperRow findByAnyId(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        PaperRow byId = findById(id);
        if (byId != null) {
            return byId;
        }
        PaperAliasRow alias = PaperAliasRow.findById(id);
        if (alias != null) {
            return findById(alias.paperId);
        }
        String key = keyOf(id.trim());
        if (key == null) {
            return null;
        }
        PaperKeyRow row = PaperKeyRow.find("key = ?1 and idKey = true", key).firstResult();
        return row == null ? null : findById(row.paperId);
    }

    /** The catalog key ({@code doi:…}, {@code pmid:…}, {@code pmcid:…}) an id as users write it stands for. */
    static String keyOf(String id) {
        String lower = id.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("doi:") || lower.startsWith("10.") || lower.contains("doi.org/")) {
            String doi = PaperKeys.normaliseDoi(id);
            return doi == null ? null : "doi:" + doi;
        }
        if (lower.startsWith("pmcid:") || lower.startsWith("pmc")) {
            String pmcid = PaperKeys.normalisePmcid(lower.startsWith("pmcid:") ? id.substring(6) : id);
            return pmcid == null ? null : "pmcid:" + pmcid;
        }
        String pmid = PaperKeys.normalisePmid(lower.startsWith("pmid:") ? id.substring(5) : id);
        return pmid == null ? null : "pmid:" + pmid;
    }
}
