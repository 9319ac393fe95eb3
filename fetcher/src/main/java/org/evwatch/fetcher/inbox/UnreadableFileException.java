package org.evwatch.fetcher.inbox;

/** An inbox file that will never be read, whatever is retried; the message is the one-line reason a person reads. */
final class UnreadableFileException extends Exception {

    UnreadableFileException(String reason) {
        super(reason);
    }
}
