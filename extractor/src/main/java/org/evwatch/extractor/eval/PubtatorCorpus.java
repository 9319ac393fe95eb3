package org.evwatch.extractor.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.VocabularyFormatException;

/**
 * Reads PubTator files (BC5CDR, NCBI-disease, BioRED) for scoring, through the same reader the recogniser learns
 * from ({@link AnnotatedCorpus#pubtator(Path)}: namespaces added, composite ids split, {@code -1} dropped).
 */
public final class PubtatorCorpus {

    private PubtatorCorpus() {
    }

    public static List<Document> read(Path file) throws IOException {
        try {
            return AnnotatedCorpus.pubtator(file).documents().stream().map(PubtatorCorpus::document).toList();
        } catch (VocabularyFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The scoring view of an annotated document: types folded onto the evaluated ones. */
    static Document document(AnnotatedDocument d) {
        List<GoldMention> gold = d.annotations().stream().filter(a -> EvalType.of(a.type()) != null)
                .map(a -> new GoldMention(a.start(), a.end(), a.text(), EvalType.of(a.type()),
                        new LinkedHashSet<>(a.ids())))
                .toList();
        return new Document(d.id(), d.title(), d.abstractText(), d.body(), gold);
    }
}
