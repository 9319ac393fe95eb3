package org.evwatch.fetcher.inbox;

/** A file in the inbox that cannot be read as records; the message says why. */
public class InvalidInboxFileException extends Exception {

    public InvalidInboxFileException(String message) {
        super(message);
    }
}
