package org.evwatch.fetcher.imports;

import java.util.List;
import java.util.Map;

/**
 * A RIS library as Zotero exports one (CRLF lines, {@code TY  - } to {@code ER  - }, tags in Zotero's order, a blank
 * line between records), made of journal articles whose titles, authors, journals and dates vary from record to
 * record, with chosen records broken the ways real files break.
 */
final class ZoteroRis {

    /** How a record is broken. */
    enum Fault {
        /** The title line is missing. */
        NO_TITLE,
        /** The closing {@code ER  - } line is missing (a hand edit cut it). */
        NO_END,
        /** The opening {@code TY  - } line is missing. */
        NO_TYPE
    }

    private static final List<String> TOPICS = List.of("small extracellular vesicles", "exosomal microRNAs",
            "tumour-derived microvesicles", "large oncosomes", "apoptotic bodies");
    private static final List<String> CANCERS = List.of("hepatocellular carcinoma", "glioblastoma",
            "triple-negative breast cancer", "pancreatic ductal adenocarcinoma", "acute myeloid leukaemia",
            "melanoma", "non-small cell lung cancer");
    private static final List<String> JOURNALS = List.of("Journal of Extracellular Vesicles", "Molecular Cancer",
            "Cancer Research", "Oncogene", "Theranostics");
    private static final List<String> FAMILIES = List.of("Okonkwo", "Lindqvist", "Ferreira", "Tanaka", "Kowalczyk",
            "Haddad", "Nguyen", "Müller", "O'Brien", "García-López");
    private static final List<String> GIVEN = List.of("Adaeze", "Björn", "Marta", "Hiroshi", "Zofia", "Leila",
            "Minh", "Jörg", "Siobhán", "José");

    private ZoteroRis() {
    }

    /** {@code count} records with DOIs {@code 10.5555/ev.<first + i - 1>}; {@code faults} by 1-based record number. */
    static String library(int count, int first, Map<Integer, Fault> faults) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            out.append(record(i, first + i - 1, faults.get(i)));
        }
        return out.toString();
    }

    /** The 1-based line where record {@code n} starts. */
    static int firstLineOf(String library, int n) {
        String[] lines = library.split("\r\n", -1);
        int records = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("TY  - ")) {
                records++;
                if (records == n) {
                    return i + 1;
                }
            }
        }
        throw new IllegalArgumentException("no record " + n);
    }

    private static String record(int i, int number, Fault fault) {
        String topic = TOPICS.get(i % TOPICS.size());
        String cancer = CANCERS.get(i % CANCERS.size());
        StringBuilder r = new StringBuilder();
        if (fault != Fault.NO_TYPE) {
            line(r, "TY", "JOUR");
        }
        if (fault != Fault.NO_TITLE) {
            line(r, "TI", capitalised(topic) + " in " + cancer + ": cohort " + number);
        }
        for (int a = 0; a < 1 + i % 4; a++) {
            line(r, "AU", FAMILIES.get((i + a) % FAMILIES.size()) + ", " + GIVEN.get((i * 3 + a) % GIVEN.size()));
        }
        line(r, "T2", JOURNALS.get(i % JOURNALS.size()));
        line(r, "AB", "We isolated " + topic + " from the plasma of " + (20 + i % 80) + " patients with " + cancer
                + " by size-exclusion chromatography and profiled their cargo.");
        line(r, "DA", (2015 + i % 10) + "/" + String.format("%02d", 1 + i % 12) + "/" + String.format("%02d",
                1 + i % 28) + "/");
        line(r, "PY", Integer.toString(2015 + i % 10));
        line(r, "DO", "10.5555/ev." + number);
        line(r, "VL", Integer.toString(1 + i % 40));
        line(r, "IS", Integer.toString(1 + i % 12));
        line(r, "SP", Integer.toString(100 + i));
        line(r, "EP", Integer.toString(110 + i));
        line(r, "LA", "eng");
        line(r, "UR", "https://doi.org/10.5555/ev." + number);
        line(r, "KW", "Extracellular vesicles");
        line(r, "KW", capitalised(cancer));
        if (fault != Fault.NO_END) {
            line(r, "ER", "");
        }
        return r.append("\r\n").toString();
    }

    private static void line(StringBuilder r, String tag, String value) {
        r.append(tag).append("  - ").append(value).append("\r\n");
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
