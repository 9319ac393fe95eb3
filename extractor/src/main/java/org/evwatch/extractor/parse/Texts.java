package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

/** Small text clean-ups every parser needs, so that all formats give the same spacing and the same nulls. */
final class Texts {

    /** Whitespace, as {@link #clean} collapses it (written out there for speed; tests compare the two). */
    static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");
    private static final Pattern DOI_IN_TEXT = Pattern.compile("\\b(10\\.\\d{4,9}/[^\\s\"<>]+)");
    private static final Pattern ORCID = Pattern.compile("(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])");
    private static final Pattern ISSN = Pattern.compile("(?<![\\d-])(\\d{4}-\\d{3}[\\dXx])(?![\\d-])");

    private Texts() {
    }

    /**
     * Whitespace collapsed to single spaces and trimmed; null when nothing is left. What counts as whitespace is
     * {@link #SPACES}; this is its {@code replaceAll(" ")} written out, which every record's every text goes through.
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String t = (needsCollapsing(text) ? collapseSpaces(text) : text).trim();
        return t.isEmpty() ? null : t;
    }

    /** Whether the text holds a whitespace character other than a lone ASCII space. */
    private static boolean needsCollapsing(String text) {
        boolean afterSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            if (space && (c != ' ' || afterSpace)) {
                return true;
            }
            afterSpace = space;
        }
        return false;
    }

    /** Each run of whitespace as one ASCII space, as {@code SPACES.matcher(text).replaceAll(" ")} gives it. */
    static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
                inRun = false;
            } else if (!inRun) {
                out.append(' ');
                inRun = true;
            }
        }
        return out.toString();
    }

    /** A character of {@link #SPACES}: {@code \s} (ASCII), no-break, the Unicode spaces and the byte order mark. */
    static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= '\t' && c <= '\r';
        }
        return c == '\u00A0' || c >= '\u2000' && c <= '\u200B' || c == '\u202F' || c == '\u205F' || c == '\u3000'
                || c == '\uFEFF';
    }

    /** The text of an HTML or XML fragment (JATS abstracts in JSON, encoded feed content), whitespace cleaned. */
    static String stripMarkup(String fragment) {
        if (fragment == null) {
            return null;
        }
        if (fragment.indexOf('<') < 0 && fragment.indexOf('&') < 0) {
            return clean(fragment);
        }
        return clean(Jsoup.parseBodyFragment(fragment).text());
    }

    /** The first DOI-looking string in a text, normalised; trailing punctuation of the sentence is dropped. */
    static String findDoi(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DOI_IN_TEXT.matcher(text);
        if (!m.find()) {
            return null;
        }
        String doi = m.group(1);
        while (!doi.isEmpty() && ".,;:)]}'".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
            doi = doi.substring(0, doi.length() - 1);
        }
        return org.evwatch.events.PaperKeys.normaliseDoi(doi);
    }

    /** A DOI inside a URL such as {@code https://onlinelibrary.wiley.com/doi/10.1002/tax.12650?af=R}. */
    static String doiFromUrl(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        for (char c : new char[]{'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String path = url.substring(0, cut);
        for (String suffix : new String[]{"/full", "/abstract", "/pdf", "/epdf", "/fulltext"}) {
            if (path.endsWith(suffix)) {
                path = path.substring(0, path.length() - suffix.length());
            }
        }
        return findDoi(path);
    }

    /**
     * The first ISSN of a library field, which may list several ("0304-3835, 1872-7980") or hold an ISBN instead
     * (RIS {@code SN} of a book); null when it holds none.
     */
    static String issn(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ISSN.matcher(value);
        return m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : null;
    }

    /** The bare 16-character ORCID id out of a URL or a plain id; null when there is none. */
    static String orcid(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ORCID.matcher(value);
        return m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : null;
    }

    /** Distinct, cleaned, non-empty values in their first order. */
    static List<String> distinct(List<String> values) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String v : values) {
            String c = clean(v);
            if (c != null) {
                set.add(c);
            }
        }
        return new ArrayList<>(set);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!isBlank(v)) {
                return v;
            }
        }
        return null;
    }
}
