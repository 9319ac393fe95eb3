package org.evwatch.extractor.ner;

import java.util.Arrays;

/**
 * An open-addressing map from long to int, for the dictionary's trie edges: millions of edges as boxed map entries
 * would cost several times the memory and a pointer chase per lookup.
 */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(keys, EMPTY);
        mask = cap - 1;
    }

    int get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, int value) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int i = slot(key);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    int size() {
        return size;
    }

    /** For a map whose values number its entries 0..size-1: the key of each value, in value order. */
    long[] keysByValue() {
        long[] out = new long[size];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                out[values[i]] = keys[i];
            }
        }
        return out;
    }

    /** Every entry as two longs, key then value. */
    long[] keysAndValues() {
        long[] out = new long[2 * size];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                out[k++] = keys[i];
                out[k++] = values[i];
            }
        }
        return out;
    }

    long bytes() {
        return keys.length * 12L;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
