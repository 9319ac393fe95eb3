package org.evwatch.gateway.matching;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * The ids a paper matched, read in place from the arrays of ids that {@link SavedQueryIndex} keeps for each distinct
 * query: listing the ids of a query that thousands of subscribers saved costs one entry, not thousands. The arrays
 * are never changed in the part a list reads, so a list stays as it was when queries are added or removed later.
 */
final class MatchedIds extends AbstractList<String> implements RandomAccess {

    private final String[][] arrays;
    /** Where each array's ids end in the list. */
    private final int[] ends;

    /** The first {@code sizes[i]} ids of each {@code arrays[i]}, in that order. */
    MatchedIds(String[][] arrays, int[] sizes) {
        this.arrays = arrays;
        this.ends = new int[sizes.length];
        int end = 0;
        for (int i = 0; i < sizes.length; i++) {
            end += sizes[i];
            ends[i] = end;
        }
    }

    @Override
    public int size() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int lo = 0;
        int hi = ends.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= index) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return arrays[lo][index - (lo == 0 ? 0 : ends[lo - 1])];
    }

    @Override
    public void forEach(Consumer<? super String> action) {
        int start = 0;
        for (int i = 0; i < arrays.length; i++) {
            for (int j = 0; j < ends[i] - start; j++) {
                action.accept(arrays[i][j]);
            }
            start = ends[i];
        }
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int array;
            private int at;
            private int start;

            @Override
            public boolean hasNext() {
                while (array < arrays.length && start + at == ends[array]) {
                    start = ends[array++];
                    at = 0;
                }
                return array < arrays.length;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return arrays[array][at++];
            }
        };
    }
}
