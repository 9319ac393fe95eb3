package org.evwatch.common.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a BibTeX or BibLaTeX library (as Zotero, JabRef, Mendeley or a journal's "cite" button write it) into its
 * entries, each with its fields as written (LaTeX still in them, outer braces or quotes removed, {@code @string}
 * macros expanded, {@code #} concatenations joined). An entry that cannot be read (not closed, a field without a
 * value) is a {@link Failure} of its own and the entries after it are still read: the fetcher splits a library with it
 * so that a bad entry is rejected alone, and the extractor reads one entry with it.
 */
public final class BibtexLibrary {

    /** One entry: its type ({@code article}, lower case), citation key, fields by lower-case name, exact text. */
    public record Entry(String type, String key, Map<String, String> fields, String text, int line) {

        /** A field's value, stripped; null when absent or blank. */
        public String field(String name) {
            String v = fields.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** An entry that could not be read, at its 1-based line, with why. */
    public record Failure(int line, String key, String reason) {
    }

    /**
     * @param entries the readable entries, in file order
     * @param failures the unreadable ones
     * @param macros the exact text of the file's {@code @string} definitions, to be kept with each entry on its own
     */
    public record Library(List<Entry> entries, List<Failure> failures, String macros) {
    }

    private static final Pattern NEXT_ENTRY = Pattern.compile("\\n[ \\t]*@[ \\t]*[A-Za-z]+[ \\t]*[{(]");
    private static final Map<String, String> MONTHS = Map.ofEntries(Map.entry("jan", "January"),
            Map.entry("feb", "February"), Map.entry("mar", "March"), Map.entry("apr", "April"), Map.entry("may", "May"),
            Map.entry("jun", "June"), Map.entry("jul", "July"), Map.entry("aug", "August"),
            Map.entry("sep", "September"), Map.entry("oct", "October"), Map.entry("nov", "November"),
            Map.entry("dec", "December"));

    private final String text;
    private final Map<String, String> macros = new LinkedHashMap<>(MONTHS);
    private final StringBuilder macroText = new StringBuilder();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Matcher nextEntry;
    private int countedTo;
    private int countedLines = 1;

    private BibtexLibrary(String text) {
        this.text = text;
        this.nextEntry = NEXT_ENTRY.matcher(text);
    }

    /** Every entry of the library; text between entries is a comment, as BibTeX has it. */
    public static Library read(String text) {
        BibtexLibrary reader = new BibtexLibrary(text);
        reader.readAll();
        return new Library(List.copyOf(reader.entries), List.copyOf(reader.failures), reader.macroText.toString());
    }

    private void readAll() {
        int pos = 0;
        while ((pos = text.indexOf('@', pos)) >= 0) {
            int at = pos;
            int i = skipSpace(pos + 1);
            int typeEnd = i;
            while (typeEnd < text.length() && Character.isLetter(text.charAt(typeEnd))) {
                typeEnd++;
            }
            int open = skipSpace(typeEnd);
            if (typeEnd == i || open >= text.length() || (text.charAt(open) != '{' && text.charAt(open) != '(')) {
                pos = at + 1;
                continue;
            }
            String type = text.substring(i, typeEnd).toLowerCase(Locale.ROOT);
            int close = closing(open);
            if (close < 0) {
                int resume = nextEntry.find(open) ? nextEntry.start() + 1 : text.length();
                failures.add(new Failure(line(at), keyGuess(open), "the entry is not closed: a '"
                        + (text.charAt(open) == '{' ? '}' : ')') + "' is missing before the next entry"));
                pos = resume;
                continue;
            }
            entry(type, at, open, close);
            pos = close + 1;
        }
    }

    private void entry(String type, int at, int open, int close) {
        String body = text.substring(open + 1, close);
        switch (type) {
            case "comment", "preamble" -> {
            }
            case "string" -> {
                try {
                    Fields fields = new Fields(body, 0, macros);
                    fields.readAll();
                    fields.values.forEach((name, value) -> macros.put(name, value));
                    macroText.append(text, at, close + 1).append('\n');
                } catch (IllegalArgumentException e) {
                    failures.add(new Failure(line(at), null, "@string: " + e.getMessage()));
                }
            }
            default -> {
                int comma = body.indexOf(',');
                String key = (comma < 0 ? body : body.substring(0, comma)).strip();
                try {
                    Fields fields = new Fields(body, comma < 0 ? body.length() : comma + 1, macros);
                    fields.readAll();
                    entries.add(new Entry(type, key, fields.values, text.substring(at, close + 1), line(at)));
                } catch (IllegalArgumentException e) {
                    failures.add(new Failure(line(at), key, e.getMessage()));
                }
            }
        }
    }

    /** The index of the delimiter closing the one at {@code open}, braces balanced; -1 when another entry comes first. */
    private int closing(int open) {
        char closer = text.charAt(open) == '{' ? '}' : ')';
        int depth = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == closer && depth == 0) {
                return i;
            } else if (c == '\n' && nextEntry.region(i, text.length()).lookingAt()) {
                return -1;
            }
        }
        return -1;
    }

    private String keyGuess(int open) {
        int end = open + 1;
        while (end < text.length() && ",\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String key = text.substring(open + 1, end).strip();
        return key.isEmpty() || key.length() > 200 ? null : key;
    }

    private int skipSpace(int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The line of an offset; offsets are asked in increasing order, so the count goes on from the last one. */
    private int line(int offset) {
        for (; countedTo < offset; countedTo++) {
            if (text.charAt(countedTo) == '\n') {
                countedLines++;
            }
        }
        return countedLines;
    }

    /** The {@code name = value, …} list of one entry's body. */
    private static final class Fields {

        private final String body;
        private final Map<String, String> macros;
        private final Map<String, String> values = new LinkedHashMap<>();
        private int pos;

        Fields(String body, int start, Map<String, String> macros) {
            this.body = body;
            this.pos = start;
            this.macros = macros;
        }

        void readAll() {
            while (true) {
                skip();
                if (pos >= body.length()) {
                    return;
                }
                String name = name();
                skip();
                if (pos >= body.length() || body.charAt(pos) != '=') {
                    throw new IllegalArgumentException("field '" + name + "' has no '=' and value");
                }
                pos++;
                String value = value(name);
                values.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
                skip();
                if (pos < body.length() && body.charAt(pos) != ',') {
                    throw new IllegalArgumentException("after field '" + name + "', expected ',' but found '"
                            + body.charAt(pos) + "'");
                }
                pos++;
            }
        }

        private String name() {
            int start = pos;
            while (pos < body.length() && (Character.isLetterOrDigit(body.charAt(pos))
                    || "_-:.+".indexOf(body.charAt(pos)) >= 0)) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("expected a field name but found '" + body.charAt(pos) + "'");
            }
            return body.substring(start, pos);
        }

        /** Parts joined by {@code #}: braced or quoted text, a number, or a macro name. */
        private String value(String field) {
            StringBuilder out = new StringBuilder();
            while (true) {
                skip();
                if (pos >= body.length()) {
                    throw new IllegalArgumentException("field '" + field + "' has no value");
                }
                char c = body.charAt(pos);
                if (c == '{' || c == '"') {
                    out.append(delimited(field, c == '{' ? '}' : '"'));
                } else {
                    out.append(bare(field));
                }
                skip();
                if (pos >= body.length() || body.charAt(pos) != '#') {
                    return out.toString();
                }
                pos++;
            }
        }

        private String delimited(String field, char closer) {
            int depth = 0;
            int start = ++pos;
            for (; pos < body.length(); pos++) {
                char c = body.charAt(pos);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && depth > 0) {
                    depth--;
                } else if (c == closer && depth == 0) {
                    return body.substring(start, pos++);
                }
            }
            throw new IllegalArgumentException("the value of field '" + field + "' is not closed");
        }

        private String bare(String field) {
            int start = pos;
            while (pos < body.length() && !Character.isWhitespace(body.charAt(pos)) && ",#}".indexOf(
                    body.charAt(pos)) < 0) {
                pos++;
            }
            String word = body.substring(start, pos);
            if (word.isEmpty()) {
                throw new IllegalArgumentException("field '" + field + "' has no value");
            }
            return word.chars().allMatch(Character::isDigit)
                    ? word
                    : macros.getOrDefault(word.toLowerCase(Locale.ROOT), word);
        }

        private void skip() {
            while (pos < body.length() && Character.isWhitespace(body.charAt(pos))) {
                pos++;
            }
        }
    }
}
