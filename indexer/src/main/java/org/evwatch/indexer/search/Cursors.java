package org.evwatch.indexer.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Opaque cursors: the sort values of the last hit of a page, plus the paper id as a unique tie-break, so that the
 * next page starts strictly after it even when the index changed in between (Lucene's own doc ids do not survive a
 * refresh). Base64url so that it travels in a query string untouched.
 */
final class Cursors {

    private static final String VERSION = "c1";

    private Cursors() {
    }

    static String encode(SearchRequest.SortOrder sort, FieldDoc last) {
        Object first = last.fields[0];
        String id = ((BytesRef) last.fields[1]).utf8ToString();
        String value = sort == SearchRequest.SortOrder.RELEVANCE
                ? Integer.toHexString(Float.floatToIntBits((Float) first))
                : Long.toHexString((Long) first);
        String raw = VERSION + "|" + sort.name().charAt(0) + "|" + value + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static FieldDoc decode(SearchRequest.SortOrder sort, String cursor) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("cursor is not one this service issued");
        }
        String[] parts = raw.split("\\|", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new InvalidCursorException("cursor is not one this service issued");
        }
        if (parts[1].charAt(0) != sort.name().charAt(0)) {
            throw new InvalidCursorException("cursor was issued for another sort order");
        }
        try {
            Object value = sort == SearchRequest.SortOrder.RELEVANCE
                    ? (Object) Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16))
                    : (Object) Long.parseUnsignedLong(parts[2], 16);
            return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[]{value, new BytesRef(parts[3])});
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("cursor is not one this service issued");
        }
    }
}
