package org.evwatch.fetcher.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.evwatch.events.ContentTypes;

/** The formats an import may declare, their usual aliases, and the generic types that leave the format to detection. */
public final class ImportTypes {

    private static final Set<String> DETECTED = Set.of("application/octet-stream", "text/plain", "application/json",
            "application/xml", "text/xml", "*/*");
    private static final Map<String, String> ALIASES = Map.of("text/uri-list", ContentTypes.IDENTIFIER_LIST,
            "text/x-bibtex", ContentTypes.BIBTEX, "application/x-medline", ContentTypes.MEDLINE,
            "application/citeproc+json", ContentTypes.CSL_JSON,
            "application/rss+xml", ContentTypes.FEED_ITEM_XML, "application/atom+xml", ContentTypes.FEED_ITEM_XML,
            "application/xhtml+xml", ContentTypes.HTML);
    private static final Set<String> READ = Set.of(ContentTypes.PUBMED_XML, ContentTypes.EUROPEPMC_JSON,
            ContentTypes.CROSSREF_JSON, ContentTypes.BIORXIV_JSON, ContentTypes.FEED_ITEM_XML, ContentTypes.JATS_XML,
            ContentTypes.HTML, ContentTypes.MARKDOWN, ContentTypes.RIS, ContentTypes.BIBTEX, ContentTypes.CSL_JSON,
            ContentTypes.MEDLINE, ContentTypes.IDENTIFIER_LIST);

    private ImportTypes() {
    }

    /**
     * The format a declared type names; null when it leaves the format to detection (none, or a generic type such as
     * {@code text/plain}); {@link IllegalArgumentException} for a type no reader takes.
     */
    public static String declared(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        int semi = type.indexOf(';');
        String base = (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (DETECTED.contains(base)) {
            return null;
        }
        String canonical = ALIASES.getOrDefault(base, base);
        if (!READ.contains(canonical)) {
            throw new IllegalArgumentException("content type '" + base + "' is no format an import reads; send the"
                    + " file as application/octet-stream to have its format detected, or as one of " + READ);
        }
        return canonical;
    }
}
