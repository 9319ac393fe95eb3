package org.evwatch.query;

/** A query the syntax rejects, with the 0-based character offset in the query where the problem is. */
public class QuerySyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The 0-based offset in the query text at which the problem was found. */
    public int position() {
        return position;
    }
}
