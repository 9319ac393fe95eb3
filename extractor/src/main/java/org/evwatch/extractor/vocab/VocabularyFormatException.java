package org.evwatch.extractor.vocab;

import java.nio.file.Path;

/** A vocabulary file that is not in the format its name promises; names the file and line at fault. */
public final class VocabularyFormatException extends RuntimeException {

    public VocabularyFormatException(Path file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
