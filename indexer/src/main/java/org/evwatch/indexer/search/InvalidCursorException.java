package org.evwatch.indexer.search;

/** A cursor that was not issued by this search, or not for this sort order. */
public final class InvalidCursorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
        super(message);
    }
}
