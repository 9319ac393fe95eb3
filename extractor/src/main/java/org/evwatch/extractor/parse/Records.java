package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.Paper;

/**
 * Reads each record of a set (a search response, a feed, an article set) into a paper. When one of several fails,
 * the error says which one ("item 3 of 20: ..."), since a whole file is rejected for it.
 */
final class Records {

    /** Reads one record of a set. */
    @FunctionalInterface
    interface Reader<T> {
        Paper paper(T record) throws ParseException;
    }

    private Records() {
    }

    /** {@code noun} names a record in errors: "item", "result", "article". */
    static <T> List<Paper> each(List<T> records, String noun, Reader<T> reader) throws ParseException {
        List<Paper> papers = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                papers.add(reader.paper(records.get(i)));
            } catch (ParseException e) {
                throw records.size() == 1
                        ? e
                        : new ParseException(noun + " " + (i + 1) + " of " + records.size() + ": " + e.getMessage(),
                                e);
            }
        }
        return papers;
    }
}
