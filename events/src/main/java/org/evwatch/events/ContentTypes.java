package org.evwatch.events;

/**
 * Media types of {@link PaperFetched#payload()}. A fetcher sets one per record; the extractor picks its parser by
 * it, and sniffs the content when the type is missing or unknown.
 */
public final class ContentTypes {

    /** One {@code <PubmedArticle>} element (or a {@code <PubmedArticleSet>} holding one) from efetch. */
    public static final String PUBMED_XML = "application/vnd.pubmed+xml";
    /** One result object of Europe PMC {@code /search?resultType=core&format=json}. */
    public static final String EUROPEPMC_JSON = "application/vnd.europepmc.core+json";
    /** One work object from Crossref {@code /works} (the {@code message} of a single work, or an item). */
    public static final String CROSSREF_JSON = "application/vnd.crossref.work+json";
    /** One item of the bioRxiv/medRxiv {@code /details} {@code collection}. */
    public static final String BIORXIV_JSON = "application/vnd.biorxiv.details+json";
    /** One RSS 1.0/2.0 {@code <item>} or Atom {@code <entry>} element, as XML. */
    public static final String FEED_ITEM_XML = "application/vnd.evwatch.feed-item+xml";
    /** A JATS article ({@code <article>}), e.g. a PMC full text. */
    public static final String JATS_XML = "application/jats+xml";
    /** An article landing page. */
    public static final String HTML = "text/html";
    /** A plain-text page capture. */
    public static final String TEXT = "text/plain";
    /** A markdown page capture. */
    public static final String MARKDOWN = "text/markdown";
    /** One RIS record ({@code TY  - } .. {@code ER  - }), as Zotero, EndNote, Mendeley and PubMed tools write them. */
    public static final String RIS = "application/x-research-info-systems";
    /**
     * One MEDLINE record ({@code PMID- } .. a blank line), as PubMed writes its "PubMed format" and {@code .nbib}
     * citation-manager exports.
     */
    public static final String MEDLINE = "application/nbib";
    /** One BibTeX entry ({@code @article{key, ...}}), with the {@code @string} macros of its file before it. */
    public static final String BIBTEX = "application/x-bibtex";
    /** One CSL-JSON item (an object of a CSL-JSON array), as Zotero, Pandoc and citeproc read and write them. */
    public static final String CSL_JSON = "application/vnd.citationstyles.csl+json";
    /**
     * A plain list of identifiers (DOIs, PMIDs, PMCIDs, URLs), one or more a line. Never a record on a topic: the
     * fetcher looks each one up at its source and sends what the source returns.
     */
    public static final String IDENTIFIER_LIST = "text/vnd.evwatch.identifiers";

    private ContentTypes() {
    }
}
