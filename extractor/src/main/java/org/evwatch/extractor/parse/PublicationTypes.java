package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One small vocabulary of publication types for every source ("review", "research-article", "preprint"...), so
 * that a filter on type works whether a paper came from PubMed, Crossref or a publisher page. A source term
 * outside the vocabulary is kept, lower-cased and hyphenated.
 */
final class PublicationTypes {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("journal article", "research-article"), Map.entry("journal-article", "research-article"),
            Map.entry("research article", "research-article"), Map.entry("research-article", "research-article"),
            Map.entry("article", "research-article"), Map.entry("original article", "research-article"),
            Map.entry("research-article-new", "research-article"), Map.entry("new results", "research-article"),
            Map.entry("research support, non-u.s. gov't", "research-support"),
            Map.entry("research support, u.s. gov't, non-p.h.s.", "research-support"),
            Map.entry("research support, u.s. gov't, p.h.s.", "research-support"),
            Map.entry("research support, n.i.h., extramural", "research-support"),
            Map.entry("research support, n.i.h., intramural", "research-support"),
            Map.entry("review", "review"), Map.entry("review article", "review"),
            Map.entry("review-article", "review"), Map.entry("systematic review", "systematic-review"),
            Map.entry("meta-analysis", "meta-analysis"), Map.entry("preprint", "preprint"),
            Map.entry("posted-content", "preprint"), Map.entry("ppr", "preprint"),
            Map.entry("editorial", "editorial"), Map.entry("letter", "letter"), Map.entry("comment", "comment"),
            Map.entry("case reports", "case-report"), Map.entry("case report", "case-report"),
            Map.entry("case-report", "case-report"), Map.entry("clinical trial", "clinical-trial"),
            Map.entry("randomized controlled trial", "randomized-controlled-trial"),
            Map.entry("published erratum", "correction"), Map.entry("correction", "correction"),
            Map.entry("retraction of publication", "retraction"), Map.entry("retraction", "retraction"),
            Map.entry("proceedings-article", "conference-paper"), Map.entry("book-chapter", "book-chapter"),
            Map.entry("brief report", "brief-report"), Map.entry("brief-report", "brief-report"));

    private PublicationTypes() {
    }

    /** Whether a source term is a publication type this vocabulary knows (as opposed to a subject). */
    static boolean isKnown(String sourceTerm) {
        String t = Texts.clean(sourceTerm);
        return t != null && KNOWN.containsKey(t.toLowerCase(Locale.ROOT));
    }

    static List<String> normalise(List<String> sourceTerms) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String term : sourceTerms) {
            String t = Texts.clean(term);
            if (t == null) {
                continue;
            }
            String key = t.toLowerCase(Locale.ROOT);
            out.add(KNOWN.getOrDefault(key, key.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "")));
        }
        return new ArrayList<>(out);
    }
}
