package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A minimal reader of OBO 1.2/1.4 {@code [Term]} stanzas: the fields a dictionary needs, nothing else. */
final class OboReader {

    /** One term stanza. Synonyms keep only EXACT ones and unscoped ones (as miRBase writes them). */
    record Stanza(String id, String name, List<String> synonyms, List<String> xrefs, boolean obsolete) {
    }

    private OboReader() {
    }

    static void read(Path file, Consumer<Stanza> sink) throws IOException {
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            long n = 0;
            boolean sawHeader = false;
            StanzaLines stanza = new StanzaLines();
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && !line.startsWith("format-version:")) {
                    throw new VocabularyFormatException(file, n, "not an OBO file (no format-version header)");
                }
                if (line.startsWith("[")) {
                    stanza.emitTo(sink);
                    stanza = new StanzaLines();
                    stanza.inTerm = line.startsWith("[Term]");
                    continue;
                }
                sawHeader = true;
                if (!stanza.inTerm || line.isBlank() || line.startsWith("!")) {
                    continue;
                }
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    throw new VocabularyFormatException(file, n, "expected 'tag: value'");
                }
                stanza.tag(line.substring(0, colon), line.substring(colon + 2));
            }
            stanza.emitTo(sink);
            if (!sawHeader) {
                throw new VocabularyFormatException(file, 0, "empty OBO file");
            }
        }
    }

    /** The tags of the stanza being read; only a [Term] stanza with an id becomes a {@link Stanza}. */
    private static final class StanzaLines {
        boolean inTerm;
        String id;
        String name;
        boolean obsolete;
        final List<String> syn = new ArrayList<>();
        final List<String> xrefs = new ArrayList<>();

        void tag(String tag, String value) {
            switch (tag) {
                case "id" -> id = value.strip();
                case "name" -> name = unescape(value.strip());
                case "synonym" -> {
                    String s = synonym(value);
                    if (s != null) {
                        syn.add(s);
                    }
                }
                case "xref" -> xrefs.add(stripTrailer(value));
                case "property_value" -> {
                    if (value.startsWith("skos:exactMatch ")) {
                        xrefs.add(stripTrailer(value.substring("skos:exactMatch ".length())));
                    }
                }
                case "is_obsolete" -> obsolete = value.strip().equals("true");
                default -> {
                }
            }
        }

        void emitTo(Consumer<Stanza> sink) {
            if (inTerm && id != null) {
                sink.accept(new Stanza(id, name, List.copyOf(syn), List.copyOf(xrefs), obsolete));
            }
        }
    }

    private static String synonym(String value) {
        if (!value.startsWith("\"")) {
            return null;
        }
        int end = value.indexOf('"', 1);
        while (end > 0 && value.charAt(end - 1) == '\\') {
            end = value.indexOf('"', end + 1);
        }
        if (end < 0) {
            return null;
        }
        String rest = value.substring(end + 1).strip();
        boolean keep = rest.startsWith("EXACT") || rest.startsWith("[");
        return keep ? unescape(value.substring(1, end)) : null;
    }

    private static String stripTrailer(String value) {
        String v = value.strip();
        int sp = v.indexOf(' ');
        return sp < 0 ? v : v.substring(0, sp);
    }

    private static String unescape(String s) {
        return s.indexOf('\\') < 0 ? s : s.replace("\\:", ":").replace("\\\"", "\"").replace("\\,", ",");
    }
}
