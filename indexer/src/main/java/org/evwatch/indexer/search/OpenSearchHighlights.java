package org.evwatch.indexer.search;

import java.util.List;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.evwatch.query.PaperFields;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.BuiltinHighlighterType;

/**
 * Highlights from OpenSearch in the form the Lucene index gives them ({@link Highlights}): the whole title, up to two
 * sentences of the abstract joined by an ellipsis, matches in {@code <mark>} and the rest escaped by the same
 * formatter. OpenSearch marks matches with two private-use characters, and the escaping is done here.
 */
final class OpenSearchHighlights {

    // Private-use characters: OpenSearch trims fragments, which would drop control characters at either end.
    private static final String START = "\uE000";
    private static final String END = "\uE001";
    private static final String SEPARATOR = " … ";
    private static final Escaper ESCAPER = new Escaper();

    private OpenSearchHighlights() {
    }

    /** Highlighting of the title and abstract for the matches of the text query (not of the filters). */
    static Highlight request(Query text) {
        return Highlight.of(h -> h.type(t -> t.builtin(BuiltinHighlighterType.Unified)).highlightQuery(text)
                .preTags(START).postTags(END)
                .fields(PaperFields.TITLE, f -> f.numberOfFragments(0))
                .fields(PaperFields.ABSTRACT, f -> f.numberOfFragments(2)));
    }

    /** Whether a field's fragments mark a match: a whole title comes back even when nothing in it matched. */
    static boolean marked(List<String> fragments) {
        return fragments.stream().anyMatch(f -> f.contains(START));
    }

    /** One field's fragments as one escaped string with the matches marked. */
    static String format(List<String> fragments) {
        StringBuilder out = new StringBuilder();
        for (String fragment : fragments) {
            if (!out.isEmpty()) {
                out.append(SEPARATOR);
            }
            int at = 0;
            while (at < fragment.length()) {
                int start = fragment.indexOf(START, at);
                if (start < 0) {
                    ESCAPER.escape(out, fragment.substring(at));
                    break;
                }
                int end = fragment.indexOf(END, start);
                end = end < 0 ? fragment.length() : end;
                ESCAPER.escape(out, fragment.substring(at, start));
                out.append("<mark>");
                ESCAPER.escape(out, fragment.substring(start + 1, end));
                out.append("</mark>");
                at = end + 1;
            }
        }
        return out.toString();
    }

    /** Lucene's own escaping of highlighted text, so that both engines escape alike. */
    private static final class Escaper extends DefaultPassageFormatter {

        Escaper() {
            super("<mark>", "</mark>", SEPARATOR, true);
        }

        void escape(StringBuilder out, String text) {
            append(out, text, 0, text.length());
        }
    }
}
