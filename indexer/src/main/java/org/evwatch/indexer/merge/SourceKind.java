package org.evwatch.indexer.merge;

import java.util.Locale;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.SourceRecord;

/**
 * The kind of source a record came from, which decides its rank per field (see docs/merging.md). Judged from the
 * content type first, because that names the format the fields were parsed from, then from the source name.
 */
public enum SourceKind {
    PUBMED, EUROPEPMC, CROSSREF, PMC, PREPRINT_SERVER, FEED, PAGE, OTHER;

    public static SourceKind of(SourceRecord record) {
        String type = record.contentType() == null ? "" : record.contentType().toLowerCase(Locale.ROOT);
        String name = record.source().toLowerCase(Locale.ROOT);
        if (type.equals(ContentTypes.PUBMED_XML) || name.startsWith("pubmed")) {
            return PUBMED;
        }
        if (type.equals(ContentTypes.EUROPEPMC_JSON) || name.startsWith("europepmc") || name.startsWith("europe")) {
            return EUROPEPMC;
        }
        if (type.equals(ContentTypes.CROSSREF_JSON) || name.startsWith("crossref")) {
            return CROSSREF;
        }
        if (type.equals(ContentTypes.BIORXIV_JSON) || name.contains("biorxiv") || name.contains("medrxiv")) {
            return PREPRINT_SERVER;
        }
        if (type.equals(ContentTypes.JATS_XML) || name.startsWith("pmc")) {
            return PMC;
        }
        if (type.equals(ContentTypes.FEED_ITEM_XML) || name.startsWith("feed") || name.startsWith("rss")) {
            return FEED;
        }
        if (type.equals(ContentTypes.HTML) || type.equals(ContentTypes.TEXT) || type.equals(ContentTypes.MARKDOWN)
                || name.startsWith("page") || name.startsWith("web")) {
            return PAGE;
        }
        return OTHER;
    }
}
