package org.evwatch.extractor.eval;

import java.util.Set;

/**
 * One annotated mention of a corpus: character offsets into the document text, the evaluation type and the
 * normalised ids (empty when the annotators could not normalise it).
 */
public record GoldMention(int start, int end, String text, EvalType type, Set<String> ids) {

    public GoldMention {
        ids = Set.copyOf(ids);
    }
}
