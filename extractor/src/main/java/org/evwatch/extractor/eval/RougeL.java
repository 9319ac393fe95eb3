package org.evwatch.extractor.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ROUGE-L (Lin, 2004): how much of a reference text a candidate recovers in order, from their longest common
 * subsequence of words. Words are lower-cased runs of letters and digits, so punctuation and case do not count;
 * no stemming and no stop-word removal. Precision is LCS / candidate words, recall LCS / reference words, and F1
 * their harmonic mean (0 when either text has no words).
 */
public final class RougeL {

    /** The three figures for one candidate against one reference. */
    public record Score(double precision, double recall, double f1) {
    }

    private RougeL() {
    }

    public static Score score(String candidate, String reference) {
        List<String> c = words(candidate);
        List<String> r = words(reference);
        if (c.isEmpty() || r.isEmpty()) {
            return new Score(0, 0, 0);
        }
        int lcs = lcs(c, r);
        double p = (double) lcs / c.size();
        double rec = (double) lcs / r.size();
        return new Score(p, rec, lcs == 0 ? 0 : 2 * p * rec / (p + rec));
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                w.append(ch);
            } else if (w.length() > 0) {
                out.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Length of the longest common subsequence, in two rows of the usual table. */
    static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] row = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                row[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
            }
            int[] t = prev;
            prev = row;
            row = t;
        }
        return prev[b.size()];
    }
}
