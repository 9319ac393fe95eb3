package org.evwatch.extractor.vocab;

import java.util.List;

/**
 * A document of an annotated corpus. PubTator documents have a title and an abstract and their offsets run over
 * {@code title + " " + abstract}; full-text corpora (LINNAEUS) have a body alone, and offsets into it.
 */
public record AnnotatedDocument(String id, String title, String abstractText, String body,
        List<Annotation> annotations) {

    public AnnotatedDocument {
        annotations = List.copyOf(annotations);
    }
}
