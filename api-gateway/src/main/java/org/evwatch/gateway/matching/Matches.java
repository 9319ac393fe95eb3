package org.evwatch.gateway.matching;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * What a paper matched, read in place from the arrays of values that {@link SavedQueryIndex} keeps for each distinct
 * query: listing a query that thousands of subscribers saved costs one entry, not thousands. The arrays are never
 * changed in the part a list reads, so a list stays as it was when queries are added or removed later.
 */
final class Matches<T> extends AbstractList<T> implements RandomAccess {

    /** Each holds values of type {@code T} only (an index's group of one query). */
    private final Object[][] arrays;
    /** Where each array's ids end in the list. */
    private final int[] ends;

    /** The first {@code sizes[i]} values of each {@code arrays[i]}, in that order. */
    Matches(Object[][] arrays, int[] sizes) {
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
    @SuppressWarnings("unchecked")
    public T get(int index) {
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
        return (T) arrays[lo][index - (lo == 0 ? 0 : ends[lo - 1])];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super T> action) {
        int start = 0;
        for (int i = 0; i < arrays.length; i++) {
            for (int j = 0; j < ends[i] - start; j++) {
                action.accept((T) arrays[i][j]);
            }
            start = ends[i];
        }
    }

    @Override
    public Iterator<T> iterator() {
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
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return (T) arrays[array][at++];
            }
        };
    }
}
