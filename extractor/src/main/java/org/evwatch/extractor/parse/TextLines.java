package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;

/** What the readers of text captures share: cutting lines into paragraphs and taking markdown off. */
final class TextLines {

    private TextLines() {
    }

    /** The payload's lines, stripped, non-breaking spaces made plain, a byte order mark removed. */
    static List<String> of(String payload) {
        List<String> lines = new ArrayList<>();
        for (String line : Xml.stripBom(payload).split("\\R", -1)) {
            lines.add(line.replace('\u00A0', ' ').strip());
        }
        return lines;
    }

    static String firstContent(List<String> lines) {
        for (String l : lines) {
            if (!l.isEmpty()) {
                return l;
            }
        }
        return "";
    }

    /** Blank-line separated blocks, each with its lines joined by newlines. */
    static List<String> paragraphs(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(current.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    /** Emphasis, inline code and link markup removed, link text kept. */
    static String stripMarkdown(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("(\\*\\*|__|`)", "")
                .replaceAll("(?<![\\w*])[*_](\\S[^*_]*?)[*_](?![\\w*])", "$1");
        return Texts.clean(t);
    }
}
