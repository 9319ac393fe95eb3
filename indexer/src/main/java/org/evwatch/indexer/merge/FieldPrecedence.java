package org.evwatch.indexer.merge;

import static org.evwatch.indexer.merge.SourceKind.CROSSREF;
import static org.evwatch.indexer.merge.SourceKind.EUROPEPMC;
import static org.evwatch.indexer.merge.SourceKind.FEED;
import static org.evwatch.indexer.merge.SourceKind.OTHER;
import static org.evwatch.indexer.merge.SourceKind.PAGE;
import static org.evwatch.indexer.merge.SourceKind.PMC;
import static org.evwatch.indexer.merge.SourceKind.PREPRINT_SERVER;
import static org.evwatch.indexer.merge.SourceKind.PUBMED;

import java.util.List;

/**
 * Which source wins for which field: the table of docs/merging.md, in code. Earlier kinds win. Whatever the table
 * says, a record of the published version always beats a preprint record (see {@link PaperMerger}).
 */
public enum FieldPrecedence {
    /** Curated titles first; Crossref titles carry publisher markup more often. */
    TITLE(PUBMED, EUROPEPMC, CROSSREF, PMC, PREPRINT_SERVER, FEED, PAGE, OTHER),
    /** Structured abstracts (labelled sections) come from PubMed and Europe PMC; Crossref's are often absent. */
    ABSTRACT(PUBMED, EUROPEPMC, PMC, CROSSREF, PREPRINT_SERVER, PAGE, FEED, OTHER),
    /** PubMed and Europe PMC give affiliations and ORCIDs; feeds give a byline at best. */
    AUTHORS(PUBMED, EUROPEPMC, CROSSREF, PMC, PREPRINT_SERVER, PAGE, FEED, OTHER),
    /** Crossref is the registry of record for journal, ISSN, volume, pages and publisher. */
    JOURNAL(CROSSREF, PUBMED, EUROPEPMC, PMC, PAGE, FEED, PREPRINT_SERVER, OTHER),
    /** Dates: the indexers' curated history first, then the registry. */
    DATES(PUBMED, CROSSREF, EUROPEPMC, PMC, PREPRINT_SERVER, PAGE, FEED, OTHER),
    /** Only PubMed and Europe PMC carry MeSH. */
    MESH(PUBMED, EUROPEPMC, PMC, CROSSREF, PREPRINT_SERVER, PAGE, FEED, OTHER),
    /** License and link: the registry knows them best. */
    LICENSE(CROSSREF, EUROPEPMC, PMC, PUBMED, PREPRINT_SERVER, PAGE, FEED, OTHER),
    /** The language tag. */
    LANGUAGE(PUBMED, EUROPEPMC, CROSSREF, PMC, PREPRINT_SERVER, PAGE, FEED, OTHER),
    /** Full text: the JATS article, else a captured page. */
    BODY(PMC, EUROPEPMC, PAGE, PREPRINT_SERVER, CROSSREF, PUBMED, FEED, OTHER),
    /**
     * A summary the source wrote itself (TL;DR, contribution, key findings), kept beside the extractor's: only pages
     * carry one today, and a summary page is the source that writes them.
     */
    SOURCE_SUMMARY(PAGE, PMC, EUROPEPMC, CROSSREF, PUBMED, PREPRINT_SERVER, FEED, OTHER),
    /** Ids of the same kind that disagree: the curated source's wins. */
    IDS(PUBMED, EUROPEPMC, PMC, CROSSREF, PREPRINT_SERVER, PAGE, FEED, OTHER);

    private final List<SourceKind> order;

    FieldPrecedence(SourceKind... order) {
        this.order = List.of(order);
    }

    /** The rank of a source kind for this field: lower wins. */
    public int rank(SourceKind kind) {
        return order.indexOf(kind);
    }

    public List<SourceKind> order() {
        return order;
    }
}
