package org.evwatch.extractor.ner;

import java.util.List;

import org.evwatch.extractor.vocab.TermKind;

/**
 * The features the {@link SequenceTagger} reads at each token, as 64-bit hashes (a template number in the top byte,
 * the hashed value below), so that no feature string is ever built: the token and its two neighbours on each side
 * (normalised), the two word pairs around it, its letter shape ("Xxx", "Xd", "x-x"), its first three and last two to
 * four letters, whether it is glued to the previous token, and the vocabularies' opinion as a B/I/E/S position per
 * entity type of every vocabulary name covering the token or its neighbours, and the same for the names annotated in
 * the training documents ({@link TaggerLexicon}). Names learned from annotated corpora are
 * left out of the vocabulary features: on the corpus the tagger learns from they would name every mention, and
 * teach it to trust them more than they deserve on new text.
 */
final class TaggerFeatures {

    private static final int BIAS = 1;
    private static final int WORD = 2;
    private static final int PREV = 3;
    private static final int NEXT = 4;
    private static final int PREV2 = 5;
    private static final int NEXT2 = 6;
    private static final int PAIR_LEFT = 7;
    private static final int PAIR_RIGHT = 8;
    private static final int SHAPE = 9;
    private static final int PREFIX3 = 10;
    private static final int SUFFIX2 = 11;
    private static final int SUFFIX3 = 12;
    private static final int SUFFIX4 = 13;
    private static final int GLUED = 14;
    private static final int DICT = 15;
    private static final int DICT_PREV = 16;
    private static final int DICT_NEXT = 17;
    private static final int SHAPE_PREV = 18;
    private static final int SHAPE_NEXT = 19;
    private static final int LEXICON = 20;
    private static final int LEXICON_PREV = 21;
    private static final int LEXICON_NEXT = 22;

    /** Most features a token can have: the fixed ones plus a few vocabulary positions. */
    static final int MAX = 48;

    private final Tokens t;
    private final long[] dict;
    private final long[] lex;
    private final long[] shapes;

    /** Prepares what the features of a section's tokens are read from: its vocabulary and lexicon matches. */
    TaggerFeatures(Tokens t, List<Dictionary.Hit> hits, Dictionary dictionary, TaggerLexicon lexicon) {
        this.t = t;
        this.dict = vocabularyPositions(t.size, hits, dictionary);
        this.lex = lexicon.positions(t);
        this.shapes = new long[t.size];
        for (int i = 0; i < t.size; i++) {
            shapes[i] = shape(t.text, t.start[i], t.end[i]);
        }
    }

    /** Writes the features of token {@code i} into {@code f} (at least {@link #MAX} long) and returns how many. */
    int of(int i, long[] f) {
        int n = t.size;
        int k = 0;
        String w = t.norm[i];
        f[k++] = key(BIAS, 0);
        f[k++] = key(WORD, w.hashCode());
        f[k++] = key(PREV, i > 0 ? t.norm[i - 1].hashCode() : 1);
        f[k++] = key(NEXT, i + 1 < n ? t.norm[i + 1].hashCode() : 1);
        f[k++] = key(PREV2, i > 1 ? t.norm[i - 2].hashCode() : 1);
        f[k++] = key(NEXT2, i + 2 < n ? t.norm[i + 2].hashCode() : 1);
        f[k++] = key(PAIR_LEFT, 31L * (i > 0 ? t.norm[i - 1].hashCode() : 1) + w.hashCode());
        f[k++] = key(PAIR_RIGHT, 31L * w.hashCode() + (i + 1 < n ? t.norm[i + 1].hashCode() : 1));
        f[k++] = key(SHAPE, shapes[i]);
        f[k++] = key(SHAPE_PREV, i > 0 ? shapes[i - 1] : 1);
        f[k++] = key(SHAPE_NEXT, i + 1 < n ? shapes[i + 1] : 1);
        f[k++] = key(PREFIX3, hash(w, 0, Math.min(3, w.length())));
        f[k++] = key(SUFFIX2, hash(w, Math.max(0, w.length() - 2), w.length()));
        f[k++] = key(SUFFIX3, hash(w, Math.max(0, w.length() - 3), w.length()));
        f[k++] = key(SUFFIX4, hash(w, Math.max(0, w.length() - 4), w.length()));
        f[k++] = key(GLUED, t.wordStart[i] ? 1 : 2);
        k = vocabulary(f, k, DICT, dict, i);
        k = i > 0 ? vocabulary(f, k, DICT_PREV, dict, i - 1) : k;
        k = i + 1 < n ? vocabulary(f, k, DICT_NEXT, dict, i + 1) : k;
        k = vocabulary(f, k, LEXICON, lex, i);
        k = i > 0 ? vocabulary(f, k, LEXICON_PREV, lex, i - 1) : k;
        return i + 1 < n ? vocabulary(f, k, LEXICON_NEXT, lex, i + 1) : k;
    }

    /**
     * Per token, a bit set of (entity type, position) pairs: bit {@code 4 * type + p} with p 0 = single-token name,
     * 1 = first, 2 = inside, 3 = last token of a vocabulary name.
     */
    private static long[] vocabularyPositions(int n, List<Dictionary.Hit> hits, Dictionary dictionary) {
        long[] bits = new long[n];
        for (Dictionary.Hit h : hits) {
            if (h.rank() <= TermKind.LEARNED.ordinal()) {
                continue;
            }
            mark(bits, h.from(), h.to(), dictionary.concept(h.concept()).type().ordinal());
        }
        return bits;
    }

    /** Marks a name of the type (an entity type's ordinal) over tokens [from, to]. */
    static void mark(long[] bits, int from, int to, int type) {
        int at = 4 * type;
        if (from == to) {
            bits[from] |= 1L << at;
            return;
        }
        bits[from] |= 1L << (at + 1);
        for (int i = from + 1; i < to; i++) {
            bits[i] |= 1L << (at + 2);
        }
        bits[to] |= 1L << (at + 3);
    }

    private static int vocabulary(long[] f, int k, int template, long[] dict, int i) {
        long bits = dict[i];
        if (bits == 0) {
            f[k++] = key(template, 0);
            return k;
        }
        while (bits != 0 && k < MAX) {
            f[k++] = key(template, Long.numberOfTrailingZeros(bits) + 1);
            bits &= bits - 1;
        }
        return k;
    }

    /** The token's letter shape: upper "X", lower "x", digit "d", anything else itself; runs collapsed. */
    private static long shape(String text, int from, int to) {
        long h = 17;
        char last = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            char s = Character.isUpperCase(c) ? 'X' : Character.isLetter(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (s != last) {
                h = 31 * h + s;
                last = s;
            }
        }
        return h + (to - from > 4 ? 7 : to - from);
    }

    private static long hash(String s, int from, int to) {
        long h = 7;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private static long key(int template, long value) {
        long v = value * 0x9E3779B97F4A7C15L;
        return ((long) template << 56) ^ (v >>> 8);
    }
}
