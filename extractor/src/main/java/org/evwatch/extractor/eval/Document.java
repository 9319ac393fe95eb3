package org.evwatch.extractor.eval;

import java.util.List;

/**
 * A corpus document. PubTator documents have a title and an abstract, and their offsets run over
 * {@code title + " " + abstract}; full-text corpora (LINNAEUS, CRAFT) have one body text and offsets into it.
 */
public record Document(String id, String title, String abstractText, String body, List<GoldMention> gold) {

    public Document {
        gold = List.copyOf(gold);
    }
}
