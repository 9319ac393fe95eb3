package org.evwatch.extractor.ner;

/**
 * A mention chosen in a section, at character offsets; {@code defined} when an abbreviation defined in the paper backs
 * it, {@code acronymOnly} when only a case-sensitive non-core name matched, {@code alternatives} the other concepts an
 * ambiguous name could be, {@code coordinated} when read off a coordination ("breast" in "breast and ovarian").
 */
record Found(int section, int start, int end, int concept, boolean defined, String name, boolean acronymOnly,
        int[] alternatives, boolean coordinated) {

    Found as(int other) {
        return new Found(section, start, end, other, defined, name, acronymOnly, null, coordinated);
    }
}
