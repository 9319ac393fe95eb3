package org.evwatch.extractor.ner;

import java.util.Arrays;

/**
 * A text cut into tokens, as parallel arrays to keep matching allocation-free. A token is a run of letters, a run
 * of digits, a single Greek letter or a single punctuation mark; spaces and hyphens only separate tokens, which is
 * what makes "non-small cell", "non small cell" and "nonsmall-cell"... compare equal token by token.
 */
final class Tokens {

    final String text;
    int size;
    int[] start = new int[64];
    int[] end = new int[64];
    /** Normalised form used for dictionary lookup. */
    String[] norm = new String[64];
    /** No letter or digit touches the token on its left / right: a match may begin / end here. */
    boolean[] wordStart = new boolean[64];
    boolean[] wordEnd = new boolean[64];

    Tokens(String text) {
        this.text = text;
    }

    void add(int s, int e, String n, boolean ws) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            norm = Arrays.copyOf(norm, cap);
            wordStart = Arrays.copyOf(wordStart, cap);
            wordEnd = Arrays.copyOf(wordEnd, cap);
        }
        start[size] = s;
        end[size] = e;
        norm[size] = n;
        wordStart[size] = ws;
        wordEnd[size] = true;
        if (size > 0 && !ws) {
            wordEnd[size - 1] = false;
        }
        size++;
    }

    /**
     * Tokens [from, to] as written, without the separators between them and without an acronym's plural "s", a
     * Greek letter spelled out: what a case-sensitive name is compared with.
     */
    String caseKey(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            String greek = end[i] - start[i] == 1 ? Tokenizer.greek(text.charAt(start[i])) : null;
            // a Greek letter as its name, so that "TGF-β" meets the case-sensitive alias "TGFbeta"
            sb.append(greek != null ? greek : Tokenizer.caseKey(text.substring(start[i], end[i])));
        }
        return sb.toString();
    }

    /**
     * Tokens [from, to] in normalised form joined by one space: the form in which names are compared, learned and
     * suppressed.
     */
    String normalized(int from, int to) {
        StringBuilder sb = new StringBuilder(norm[from]);
        for (int i = from + 1; i <= to; i++) {
            sb.append(' ').append(norm[i]);
        }
        return sb.toString();
    }

    /** Whole-text convenience: the normalised form of a name, computed the same way as for text. */
    static String normalizedOf(String name) {
        Tokens t = Tokenizer.tokenize(name);
        return t.size == 0 ? "" : t.normalized(0, t.size - 1);
    }

    /** Whole-text convenience: the case key of a name, computed the same way as for text. */
    static String caseKeyOf(String name) {
        Tokens t = Tokenizer.tokenize(name);
        return t.size == 0 ? "" : t.caseKey(0, t.size - 1);
    }
}
