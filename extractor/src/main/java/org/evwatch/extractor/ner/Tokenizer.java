package org.evwatch.extractor.ner;

import java.util.Locale;

/**
 * Cuts text into {@link Tokens} and normalises each token, the same way for dictionary names and for papers, so
 * that equality of normalised token sequences is the whole matching rule. Normalisation: lower case; Greek letters
 * spelled out (α = alpha); British spellings folded (tumour, leukaemia, oesophageal); regular plurals reduced to
 * the singular; "microRNA"/"miRNA" folded to "mir" so "microRNA-21" equals "miR-21"; a possessive "'s" dropped.
 */
final class Tokenizer {

    /** Spelled-out names of Greek letters, indexed by code point - 0x391 (capitals, then small letters). */
    private static final String[] GREEK = new String[0x3C9 - 0x391 + 1];

    static {
        String[] names = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", null, "sigma", "tau", "upsilon", "phi", "chi",
                "psi",
                "omega"};
        for (int i = 0; i < names.length; i++) {
            GREEK[i] = names[i];
            GREEK[0x3B1 - 0x391 + i] = names[i];
        }
        GREEK[0x3C2 - 0x391] = "sigma"; // final sigma
    }

    static String greek(char c) {
        if (c == 'µ') {
            return "mu";
        }
        return c >= 0x391 && c <= 0x3C9 ? GREEK[c - 0x391] : null;
    }

    private Tokenizer() {
    }

    static Tokens tokenize(String text) {
        Tokens t = new Tokens(text);
        int n = text.length();
        int i = 0;
        boolean glued = false;
        while (i < n) {
            char c = text.charAt(i);
            String greek = c < 0x80 ? null : greek(c);
            if (greek != null) {
                t.add(i, i + 1, greek, !glued);
                glued = true;
                i++;
            } else if (Character.isLetter(c)) {
                int j = i + 1;
                while (j < n && isPlainLetter(text.charAt(j))) {
                    j++;
                }
                t.add(i, j, normalizeWord(text.substring(i, j)), !glued);
                glued = true;
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                t.add(i, j, text.substring(i, j), !glued);
                glued = true;
                i = j;
            } else if ((c == '\'' || c == '’') && i + 1 < n && text.charAt(i + 1) == 's'
                    && (i + 2 == n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                i += 2;
                glued = false;
            } else if (Character.isWhitespace(c) || isHyphen(c)) {
                i++;
                glued = false;
            } else {
                t.add(i, i + 1, String.valueOf(c), true);
                glued = false;
                i++;
            }
        }
        return t;
    }

    private static boolean isPlainLetter(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return Character.isLetter(c) && greek(c) == null;
    }

    static boolean isHyphen(char c) {
        return c == '-' || c == '‐' || c == '‑' || c == '‒' || c == '–' || c == '—' || c == '_';
    }

    static String normalizeWord(String word) {
        String w = caseKey(word).toLowerCase(Locale.ROOT);
        if (w.length() <= 9 && w.charAt(0) == 'm' && (w.startsWith("mir") || w.startsWith("microrna"))) {
            switch (w) {
                case "microrna", "micrornas", "mirna", "mirnas", "mir", "mirs" -> {
                    return "mir";
                }
                default -> {
                }
            }
        }
        if (w.indexOf("ae") >= 0 && w.contains("aemi")) {
            w = w.replace("aemi", "emi");
        }
        if (w.indexOf("ou") >= 0 && w.contains("tumour")) {
            w = w.replace("tumour", "tumor");
        }
        if (w.startsWith("oesophag")) {
            w = w.substring(1);
        }
        if (w.startsWith("haem")) {
            w = "hem" + w.substring(4);
        }
        if (w.startsWith("oestr")) {
            w = w.substring(1);
        }
        return singular(w);
    }

    /**
     * The token as its letter case should be compared for case-sensitive names: the original, minus the plural "s"
     * of an acronym ("EVs", "sEVs", "CTCs"), which does not change what the acronym names.
     */
    static String caseKey(String word) {
        int n = word.length();
        if (n >= 3 && word.charAt(n - 1) == 's' && Character.isUpperCase(word.charAt(n - 2))) {
            return word.substring(0, n - 1);
        }
        return word;
    }

    /** A rough singular: enough that a name and its plural meet, since both sides go through the same rule. */
    static String singular(String w) {
        int n = w.length();
        if (n < 4 || w.charAt(n - 1) != 's') {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("uses") || w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches")
                || w.endsWith("shes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("os") && n <= 4) {
            return w;
        }
        return w.substring(0, n - 1);
    }
}
