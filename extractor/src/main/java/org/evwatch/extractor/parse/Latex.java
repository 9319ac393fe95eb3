package org.evwatch.extractor.parse;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a BibTeX field value: accents ({@code \"{o}}, {@code {\'e}}, {@code \c c}), letters ({@code \ss},
 * {@code \o}, {@code \aa}), escaped specials ({@code \&}, {@code \%}), dashes and ties, font commands
 * ({@code \emph{…}}, {@code \textit{…}}) reduced to their argument, math delimiters and case-protecting braces
 * dropped.
 */
final class Latex {

    private static final Map<Character, Character> ACCENTS = Map.ofEntries(Map.entry('\'', '\u0301'),
            Map.entry('`', '\u0300'), Map.entry('^', '\u0302'), Map.entry('"', '\u0308'), Map.entry('~', '\u0303'),
            Map.entry('=', '\u0304'), Map.entry('.', '\u0307'), Map.entry('u', '\u0306'), Map.entry('v', '\u030C'),
            Map.entry('H', '\u030B'), Map.entry('c', '\u0327'), Map.entry('k', '\u0328'), Map.entry('r', '\u030A'));
    private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("ss", "ß"), Map.entry("o", "ø"),
            Map.entry("O", "Ø"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"),
            Map.entry("OE", "Œ"), Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("l", "ł"),
            Map.entry("L", "Ł"), Map.entry("i", "ı"), Map.entry("j", "ȷ"), Map.entry("textendash", "–"),
            Map.entry("textemdash", "—"), Map.entry("textmu", "µ"), Map.entry("alpha", "α"), Map.entry("beta", "β"),
            Map.entry("gamma", "γ"), Map.entry("delta", "δ"), Map.entry("kappa", "κ"), Map.entry("mu", "µ"),
            Map.entry("pm", "±"), Map.entry("times", "×"), Map.entry("textdegree", "°"), Map.entry("deg", "°"),
            Map.entry("le", "≤"), Map.entry("ge", "≥"), Map.entry("textless", "<"), Map.entry("textgreater", ">"),
            Map.entry("textbar", "|"), Map.entry("textasciitilde", "\u0000T"), Map.entry("textasciicircum", "\u0000C"),
            Map.entry("textbackslash", "\u0000B"));
    /** Characters kept out of the way of the decoding, each behind a NUL, and put back at the end. */
    private static final Map<String, String> KEPT = Map.of("\u0000D", "$", "\u0000L", "{", "\u0000R", "}",
            "\u0000U", "_", "\u0000T", "~", "\u0000C", "^", "\u0000B", "\\");
    /** Inline math, where {@code ^} and {@code _} only raise or lower what follows: {@code $^{\textrm{2+}}$}. */
    private static final Pattern MATH = Pattern.compile("\\$([^$]*)\\$");
    /** {@code \'e}, {@code \'{e}}, {@code \c c}, {@code \c{c}}; the letter may itself be a command (\i). */
    private static final Pattern ACCENT = Pattern.compile(
            "\\\\(['`^\"~=.]|[uvHckr](?=[\\s{]))\\s*(?:\\{\\s*(\\\\?[A-Za-z]+|.)\\s*}|(\\\\[ij](?![A-Za-z])|[A-Za-z]))");
    private static final Pattern COMMAND_WITH_ARG = Pattern.compile("\\\\[A-Za-z]+\\*?\\s*\\{([^{}]*)}");
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)(?![A-Za-z])\\s*(?:\\{})?");

    private Latex() {
    }

    /** Plain text of a field value; null stays null. */
    static String toText(String latex) {
        if (latex == null) {
            return null;
        }
        String s = latex.replace("\\&", "&").replace("\\%", "%").replace("\\$", "\u0000D").replace("\\#", "#")
                .replace("\\_", "\u0000U").replace("\\{", "\u0000L").replace("\\}", "\u0000R");
        s = accents(s);
        String before;
        do {
            before = s;
            s = COMMAND_WITH_ARG.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        } while (!s.equals(before));
        s = COMMAND.matcher(s).replaceAll(m -> Matcher.quoteReplacement(LETTERS.getOrDefault(m.group(1), "")));
        s = MATH.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1).replaceAll("[\\^_]", "")));
        s = s.replace("{", "").replace("}", "").replace("$", "").replace("---", "—").replace("--", "–")
                .replace("``", "“").replace("''", "”").replace('~', ' ').replace("\\\\", " ").replace("\\", "");
        for (Map.Entry<String, String> kept : KEPT.entrySet()) {
            s = s.replace(kept.getKey(), kept.getValue());
        }
        return Texts.clean(Normalizer.normalize(s, Normalizer.Form.NFC));
    }

    /**
     * A verbatim value (a DOI, a URL, an id) with the escapes some writers put before TeX's special characters
     * taken off: {@code 10.1109/x\_1} is {@code 10.1109/x_1}. Nothing else is decoded.
     */
    static String verbatim(String value) {
        return value == null ? null : Texts.clean(value.replaceAll("\\\\([_%#&$~])", "$1"));
    }

    private static String accents(String s) {
        return ACCENT.matcher(s).replaceAll(m -> {
            String base = m.group(2) != null ? m.group(2) : m.group(3);
            if (base.startsWith("\\")) {
                base = LETTERS.getOrDefault(base.substring(1), base.substring(1));
                base = base.equals("ı") ? "i" : base.equals("ȷ") ? "j" : base;
            }
            return Matcher.quoteReplacement(base + ACCENTS.get(m.group(1).charAt(0)));
        });
    }
}
