package org.evwatch.extractor.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.VocabularyFormatException;

/**
 * Reads the LINNAEUS species corpus for scoring, through the reader the recogniser learns from
 * ({@link AnnotatedCorpus#linnaeus(Path, Path)}): {@code txt/<doc>.txt} and a tag file; documents without tags are
 * included (they count for precision).
 */
public final class LinnaeusCorpus {

    private LinnaeusCorpus() {
    }

    public static List<Document> read(Path dir, Path tags) throws IOException {
        try {
            return AnnotatedCorpus.linnaeus(dir, tags).documents().stream().map(PubtatorCorpus::document).toList();
        } catch (VocabularyFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
