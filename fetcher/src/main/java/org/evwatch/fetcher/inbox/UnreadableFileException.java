package org.evwatch.fetcher.inbox;

/** An inbox file that will never be read, whatever is retried; the message is the one-line reason a person reads. */
public final class UnreadableFileException extends Exception {

    private final boolean notText;

    UnreadableFileException(String reason) {
        this(reason, false);
    }

    UnreadableFileException(String reason, boolean notText) {
        super(reason);
        this.notText = notText;
    }

    /** Whether the file is no text at all (a PDF, an image, an archive, UTF-16), as opposed to text of no use. */
    public boolean notText() {
        return notText;
    }
}
