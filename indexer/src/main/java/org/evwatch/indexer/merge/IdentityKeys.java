package org.evwatch.indexer.merge;

import java.util.Set;
import java.util.TreeSet;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperKeys;

/**
 * The keys under which a paper can be found again: each DOI (its own, its preprint's, its published version's), the
 * PMID, the PMCID, and a fallback key of normalised title + year + first author's family name.
 */
public final class IdentityKeys {

    private IdentityKeys() {
    }

    /** Every key of a paper, ids and title key alike: what the catalog stores for the paper. */
    public static Set<String> all(Paper paper) {
        Set<String> keys = idKeys(paper);
        String title = titleKey(paper);
        if (title != null) {
            keys.add(title);
        }
        return keys;
    }

    /**
     * The keys a new record is looked up by: its ids when it has any; only a record without ids is matched by its
     * title key, so that two papers with different ids are never merged on a look-alike title.
     */
    public static Set<String> lookup(Paper paper) {
        Set<String> ids = idKeys(paper);
        if (!ids.isEmpty()) {
            return ids;
        }
        String title = titleKey(paper);
        return title == null ? ids : new TreeSet<>(Set.of(title));
    }

    /** The id keys alone: {@code doi:…}, {@code pmid:…}, {@code pmcid:…}. */
    public static Set<String> idKeys(Paper paper) {
        Set<String> keys = new TreeSet<>();
        Paper.Identifiers ids = paper.ids();
        for (String doi : new String[]{ids.doi(), ids.preprintDoi(), ids.publishedDoi()}) {
            String d = PaperKeys.normaliseDoi(doi);
            if (d != null) {
                keys.add("doi:" + d);
            }
        }
        String pmid = PaperKeys.normalisePmid(ids.pmid());
        if (pmid != null) {
            keys.add("pmid:" + pmid);
        }
        String pmcid = PaperKeys.normalisePmcid(ids.pmcid());
        if (pmcid != null) {
            keys.add("pmcid:" + pmcid);
        }
        return keys;
    }

    /** {@code tya:<title>|<year>|<first author>} with all three normalised; null without a title. */
    public static String titleKey(Paper paper) {
        String title = PaperKeys.normaliseText(paper.title());
        if (title.isEmpty()) {
            return null;
        }
        Integer year = paper.dates().year();
        Paper.Author first = paper.firstAuthor();
        String author = first == null
                ? ""
                : PaperKeys.normaliseText(first.family() != null ? first.family() : first.collectiveName());
        return "tya:" + title + "|" + (year == null ? "" : year) + "|" + author;
    }
}
