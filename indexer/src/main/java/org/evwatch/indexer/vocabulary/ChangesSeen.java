package org.evwatch.indexer.vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which of the catalog's change numbers were seen, among the newest. Change numbers are handed out before their
 * transactions commit, so a lower one can appear after a higher one was seen: each look reads from a little below
 * the newest seen, and the numbers seen there are remembered so that each change is taken once.
 */
final class ChangesSeen {

    private final long lookBack;
    private final TreeSet<Long> recent = new TreeSet<>();
    private long newest;

    ChangesSeen(long lookBack) {
        this.lookBack = lookBack;
    }

    /** Starts after the changes up to {@code number}, read otherwise (the whole catalog at start). */
    synchronized void startAfter(long number) {
        newest = Math.max(newest, number);
    }

    /** Takes these changes as seen: a look that finds them does not return their papers. */
    synchronized void seen(Collection<Long> numbers) {
        long floor = lookFrom();
        for (long number : numbers) {
            if (number > floor) {
                recent.add(number);
                newest = Math.max(newest, number);
            }
        }
        recent.headSet(lookFrom(), true).clear();
    }

    /** The change number the next look reads after. */
    synchronized long lookFrom() {
        return Math.max(0, newest - lookBack);
    }

    /** The papers of the changes not seen before, from a look's changes (change number to paper id). */
    synchronized List<String> unseen(Map<Long, String> changes) {
        List<String> papers = new ArrayList<>();
        long floor = lookFrom();
        for (Map.Entry<Long, String> change : changes.entrySet()) {
            if (change.getKey() > floor && recent.add(change.getKey())) {
                papers.add(change.getValue());
                newest = Math.max(newest, change.getKey());
            }
        }
        recent.headSet(lookFrom(), true).clear();
        return papers;
    }
}
