package org.evwatch.indexer.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.evwatch.query.PaperAnalysis;
import org.evwatch.query.PaperFields;

/**
 * Highlighted title and abstract fragments for a page of hits. Matches are wrapped in {@code <mark>}; the rest of the
 * text is HTML-escaped so that a fragment can be shown as is. Offsets come from the postings, so the stored text is
 * not analysed again.
 */
final class Highlights {

    private static final String[] FIELDS = {PaperFields.TITLE, PaperFields.ABSTRACT};
    private static final int[] PASSAGES = {1, 2};

    private Highlights() {
    }

    static Map<Integer, Map<String, String>> of(IndexSearcher searcher, Query query, ScoreDoc[] page)
            throws IOException {
        if (page.length == 0) {
            return Map.of();
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher,
                PaperAnalysis.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                // The whole title is one passage; the abstract is cut into sentences.
                return PaperFields.TITLE.equals(field) ? new WholeBreakIterator() : super.getBreakIterator(field);
            }
        };
        TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        Map<String, String[]> byField = highlighter.highlightFields(FIELDS, query, docs, PASSAGES);
        Map<Integer, Map<String, String>> out = new HashMap<>();
        for (int i = 0; i < page.length; i++) {
            Map<String, String> fragments = new HashMap<>();
            for (String field : FIELDS) {
                String fragment = byField.get(field)[i];
                if (fragment != null && fragment.contains("<mark>")) {
                    fragments.put(field, fragment);
                }
            }
            out.put(page[i].doc, fragments);
        }
        return out;
    }
}
