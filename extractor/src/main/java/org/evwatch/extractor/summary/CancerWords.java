package org.evwatch.extractor.summary;

import java.util.regex.Pattern;

/**
 * The cancer words the relevance score counts ("cancer", "carcinom...", "tumo(u)r", "leuk(a)emi...", ...), ASCII
 * case-insensitive anywhere in a text. They are looked for with {@link String#indexOf} on a lower-cased copy, which
 * finds the same matches as {@link #PATTERN}, their definition as a regular expression, several times faster: every
 * abstract of every paper goes through here. No two words match at the same place, so counting from left to right,
 * each match ending where the next search starts, counts what {@code PATTERN.matcher(text).find()} finds in a loop.
 */
final class CancerWords {

    /** The words as a regular expression; {@link #count} and {@link #in} give what it gives (tests compare them). */
    static final Pattern PATTERN = Pattern.compile(
            "cancer|carcinom|tumou?r|neoplas|leuka?emi|lymphoma|melanoma|gliom|glioblastom|sarcoma|myeloma|blastoma"
                    + "|metasta|oncogen|oncolog|malignan|mesothelioma|adenoma",
            Pattern.CASE_INSENSITIVE);

    /** {@link #PATTERN}'s alternatives spelled out, in its order (the optional letters greedy: with them first). */
    private static final String[] WORDS = {"cancer", "carcinom", "tumour", "tumor", "neoplas", "leukaemi", "leukemi",
            "lymphoma", "melanoma", "gliom", "glioblastom", "sarcoma", "myeloma", "blastoma", "metasta", "oncogen",
            "oncolog", "malignan", "mesothelioma", "adenoma"};

    private CancerWords() {
    }

    /** How many times the words occur in the text, none overlapping; 0 for null. */
    static int count(String text) {
        if (text == null) {
            return 0;
        }
        String lower = asciiLowerCase(text);
        int[] next = new int[WORDS.length];
        for (int i = 0; i < WORDS.length; i++) {
            next[i] = lower.indexOf(WORDS[i]);
        }
        int n = 0;
        int from = 0;
        while (true) {
            int first = -1;
            for (int i = 0; i < WORDS.length; i++) {
                if (next[i] >= 0 && next[i] < from) {
                    next[i] = lower.indexOf(WORDS[i], from);
                }
                if (next[i] >= 0 && (first < 0 || next[i] < next[first])) {
                    first = i;
                }
            }
            if (first < 0) {
                return n;
            }
            n++;
            from = next[first] + WORDS[first].length();
        }
    }

    /** Whether any of the words occurs in the text. */
    static boolean in(String text) {
        String lower = asciiLowerCase(text);
        for (String word : WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A to Z lower-cased and nothing else, as a case-insensitive pattern without {@code UNICODE_CASE} compares
     * letters; the text itself when it has no such capital.
     */
    static String asciiLowerCase(String text) {
        int i = 0;
        while (i < text.length() && !isAsciiUpper(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < chars.length; i++) {
            if (isAsciiUpper(chars[i])) {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
