package org.evwatch.indexer.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors: the sort values of the last hit of a page, plus the paper id as a unique tie-break, so that the
 * next page starts strictly after it even when the index changed in between (Lucene's own doc ids do not survive a
 * refresh, nor do OpenSearch's). Base64url so that it travels in a query string untouched.
 */
final class Cursors {

    private static final String VERSION = "c1";

    private Cursors() {
    }

    /**
     * Where a page ends: the first sort value of its last hit (a {@code Float} score, or a {@code Long} epoch day by
     * date) and that hit's paper id.
     */
    record After(Object value, String id) {
    }

    static String encode(SearchRequest.SortOrder sort, After last) {
        Object first = last.value();
        String id = last.id();
        String value = sort == SearchRequest.SortOrder.RELEVANCE
                ? Integer.toHexString(Float.floatToIntBits((Float) first))
                : Long.toHexString((Long) first);
        String raw = VERSION + "|" + sort.name().charAt(0) + "|" + value + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static After decode(SearchRequest.SortOrder sort, String cursor) {
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
            return new After(value, parts[3]);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("cursor is not one this service issued");
        }
    }
}
