package org.evwatch.extractor.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds abbreviations defined in text as "long form (SF)" with the Schwartz–Hearst algorithm (Pac Symp Biocomput
 * 2003): the short form's characters are matched right to left inside the words before the parenthesis, the first
 * character of the short form having to start a word. It is simple, fast, and about 96% precise on MEDLINE.
 */
final class Abbreviations {

    /** "longForm (shortForm)": both with character offsets into the text they were found in. */
    record Definition(String shortForm, int shortStart, int shortEnd, String longForm, int longStart, int longEnd) {
    }

    private Abbreviations() {
    }

    static List<Definition> find(String text) {
        List<Definition> out = new ArrayList<>();
        int open = text.indexOf('(');
        while (open >= 0) {
            int close = text.indexOf(')', open + 1);
            if (close < 0) {
                break;
            }
            int nested = text.indexOf('(', open + 1);
            if (nested >= 0 && nested < close) {
                open = nested;
                continue;
            }
            Definition d = candidate(text, open, close);
            if (d != null) {
                out.add(d);
            }
            open = text.indexOf('(', close + 1);
        }
        return out;
    }

    private static Definition candidate(String text, int open, int close) {
        int sfStart = open + 1;
        int sfEnd = close;
        // "(NSCLC; n = 40)" or "(NSCLC, stage IV)": the short form is the first part.
        for (int i = sfStart; i < close; i++) {
            char c = text.charAt(i);
            if (c == ';' || c == ',') {
                sfEnd = i;
                break;
            }
        }
        while (sfStart < sfEnd && text.charAt(sfStart) == ' ') {
            sfStart++;
        }
        while (sfEnd > sfStart && text.charAt(sfEnd - 1) == ' ') {
            sfEnd--;
        }
        String sf = text.substring(sfStart, sfEnd);
        if (!isShortForm(sf)) {
            return null;
        }
        int maxWords = Math.min(sf.length() + 5, sf.length() * 2);
        int lfEnd = open;
        while (lfEnd > 0 && text.charAt(lfEnd - 1) == ' ') {
            lfEnd--;
        }
        int lfStart = lfEnd;
        int words = 0;
        int sentenceFloor = sentenceStart(text, lfEnd);
        while (lfStart > sentenceFloor && words < maxWords) {
            int p = lfStart - 1;
            while (p >= sentenceFloor && text.charAt(p) == ' ') {
                p--;
            }
            int w = p;
            while (w >= sentenceFloor && text.charAt(w) != ' ') {
                w--;
            }
            if (p < sentenceFloor) {
                break;
            }
            lfStart = w + 1;
            words++;
        }
        if (lfStart >= lfEnd) {
            return null;
        }
        String window = text.substring(lfStart, lfEnd);
        int best = bestLongFormStart(sf, window);
        if (best < 0) {
            return null;
        }
        String lf = window.substring(best);
        if (lf.length() <= sf.length() || lf.contains(sf) && !lf.equals(sf)) {
            return null;
        }
        return new Definition(sf, sfStart, sfEnd, lf, lfStart + best, lfEnd);
    }

    private static int sentenceStart(String text, int from) {
        for (int i = from - 1; i > 0; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!' || c == ';' || c == ':' || c == ')' || c == '(')
                    && i + 1 < text.length() && (text.charAt(i + 1) == ' ' || c == '(' || c == ')')) {
                return i + 1;
            }
        }
        return 0;
    }

    static boolean isShortForm(String sf) {
        if (sf.length() < 2 || sf.length() > 10 || !Character.isLetterOrDigit(sf.charAt(0))) {
            return false;
        }
        boolean letter = false;
        int spaces = 0;
        for (int i = 0; i < sf.length(); i++) {
            char c = sf.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c == ' ') {
                spaces++;
            }
        }
        // "(p < 0.05)" and "(see below)" are not abbreviations; real ones are one or two words with a capital or digit.
        boolean hasCapitalOrDigit = sf.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
        return letter && spaces <= 1 && hasCapitalOrDigit && !sf.contains("=") && !sf.contains("<");
    }

    /** Schwartz–Hearst's right-to-left character match; returns where the long form begins, or -1. */
    static int bestLongFormStart(String sf, String lf) {
        int s = sf.length() - 1;
        int l = lf.length() - 1;
        while (s >= 0) {
            char c = Character.toLowerCase(sf.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            while (l >= 0 && (Character.toLowerCase(lf.charAt(l)) != c
                    || s == 0 && l > 0 && Character.isLetterOrDigit(lf.charAt(l - 1)))) {
                l--;
            }
            if (l < 0) {
                return -1;
            }
            l--;
            s--;
        }
        int start = lf.lastIndexOf(' ', l) + 1;
        return start;
    }
}
