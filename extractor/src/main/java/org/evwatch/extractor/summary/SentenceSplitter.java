package org.evwatch.extractor.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.evwatch.events.Paper;

/**
 * Cuts an abstract into sentences: at ".", "?" or "!" followed by a space and a capital, digit or bracket, except
 * after abbreviations scientists write mid-sentence ("et al.", "e.g.", "Fig.", "vs.") and single-letter initials
 * ("E. coli").
 */
final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of("al", "e.g", "i.e", "fig", "figs", "vs", "approx", "ca",
            "dr", "no", "nos", "ref", "refs", "eq", "resp", "cf", "etc", "inc", "ltd", "co", "st", "mr", "ms", "sp",
            "spp", "var", "viz", "min", "max", "vol", "suppl");

    private SentenceSplitter() {
    }

    static List<Sentence> split(Paper paper) {
        List<Sentence> out = new ArrayList<>();
        int offset = 0;
        for (Paper.AbstractSection section : paper.abstractSections()) {
            String text = section.text() == null ? "" : section.text();
            String label = section.label() == null || section.label().isBlank()
                    ? null
                    : section.label().strip().toUpperCase(Locale.ROOT);
            for (int[] span : spans(text)) {
                out.add(new Sentence(text.substring(span[0], span[1]), label, offset + span[0], offset + span[1],
                        out.size()));
            }
            offset += text.length() + 1;
        }
        return out;
    }

    static List<int[]> spans(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int start = skipSpace(text, 0);
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && isBoundary(text, i)) {
                out.add(new int[]{start, i + 1});
                start = skipSpace(text, i + 1);
                i = start - 1;
            }
        }
        if (start < n) {
            int end = n;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                out.add(new int[]{start, end});
            }
        }
        return out;
    }

    private static boolean isBoundary(String text, int i) {
        int n = text.length();
        if (i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        int next = skipSpace(text, i + 1);
        if (next < n) {
            char c = text.charAt(next);
            if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '(' || c == '[' || c == '"')) {
                return false;
            }
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        int w = i;
        while (w > 0 && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '(') {
            w--;
        }
        String word = text.substring(w, i).toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        // A single capital before the dot is an initial or a genus abbreviation ("E. coli"), not an end.
        return !(word.length() == 1 && Character.isUpperCase(text.charAt(w)));
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
