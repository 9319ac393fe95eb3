package org.evwatch.extractor.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses among overlapping candidates: longest first, then best rank, then leftmost; a token belongs to at most one
 * match, so the output is deterministic.
 */
final class LongestMatch {

    private static final Comparator<Dictionary.Hit> PREFERRED = Comparator
            .comparingInt((Dictionary.Hit h) -> -h.length()).thenComparingInt(Dictionary.Hit::rank)
            .thenComparingInt(Dictionary.Hit::from);

    private LongestMatch() {
    }

    /** The chosen hits, in text order. */
    static List<Dictionary.Hit> resolve(List<Dictionary.Hit> candidates, int tokenCount) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Dictionary.Hit> sorted = new ArrayList<>(candidates);
        sorted.sort(PREFERRED);
        boolean[] taken = new boolean[tokenCount];
        List<Dictionary.Hit> chosen = new ArrayList<>();
        for (Dictionary.Hit h : sorted) {
            if (isFree(taken, h)) {
                for (int i = h.from(); i <= h.to(); i++) {
                    taken[i] = true;
                }
                chosen.add(h);
            }
        }
        chosen.sort(Comparator.comparingInt(Dictionary.Hit::from));
        return chosen;
    }

    private static boolean isFree(boolean[] taken, Dictionary.Hit h) {
        for (int i = h.from(); i <= h.to(); i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
