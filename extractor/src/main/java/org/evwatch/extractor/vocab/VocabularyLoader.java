package org.evwatch.extractor.vocab;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one kind of standard vocabulary file into a {@link VocabularyBuilder}. */
public interface VocabularyLoader {

    /** A short name for reports, e.g. "MeSH descriptors". */
    String name();

    /** Whether this loader reads the given file, judged from its name. */
    boolean accepts(Path file);

    /**
     * Loads the file.
     *
     * @throws VocabularyFormatException when the file is not in the expected format
     */
    void load(Path file, VocabularyBuilder into) throws IOException;
}
