package org.evwatch.extractor.vocab;

import java.util.List;

/**
 * What the vocabularies cost at start: per file, how many concepts and names it brought and how long it took; in
 * total, the time and an estimate of the heap the compiled dictionary holds.
 */
public record LoadReport(List<Source> sources, int concepts, int terms, int dictionaryNames, long millis,
        long heapBytes) {

    public LoadReport {
        sources = List.copyOf(sources);
    }

    /** One loaded file (or the bundled core vocabulary). */
    public record Source(String file, String loader, int conceptsAdded, int termsAdded, long millis, String error) {

        public boolean failed() {
            return error != null;
        }
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("vocabularies: %d concepts, %d names (%d distinct), loaded in %d ms, ~%d MB heap",
                concepts, terms, dictionaryNames, millis, heapBytes >> 20));
        for (Source s : sources) {
            sb.append(String.format("%n  %-28s %7d concepts %8d names %6d ms  %s%s", s.loader, s.conceptsAdded,
                    s.termsAdded, s.millis, s.file, s.failed() ? "  FAILED: " + s.error : ""));
        }
        return sb.toString();
    }
}
