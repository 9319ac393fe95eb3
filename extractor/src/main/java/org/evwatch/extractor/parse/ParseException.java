package org.evwatch.extractor.parse;

/** A record that cannot become a canonical paper. The message names the format and the field or line at fault. */
public class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
