package org.evwatch.fetcher.watch;

import java.util.List;
import java.util.Map;

/**
 * A saved search: papers that mention any topic term AND any context term. A term may end in {@code *} to match
 * any ending ({@code exosom*} finds exosome, exosomes, exosomal). Each source renders the watch in its own query
 * language; sources without a query language filter with {@link WatchMatcher}.
 *
 * @param id the watch id carried on every record it finds
 * @param topicTerms what the papers are about; at least one must appear
 * @param contextTerms the setting; at least one must appear too, unless the list is empty
 * @param queryOverrides a hand-written query per source name, used instead of the rendered one
 */
public record Watch(String id, List<String> topicTerms, List<String> contextTerms,
        Map<String, String> queryOverrides) {

    public static final String DEFAULT_ID = "ev-cancer";

    public Watch {
        if (id == null || id.isBlank() || topicTerms == null || topicTerms.isEmpty()) {
            throw new IllegalArgumentException("a watch needs an id and at least one topic term");
        }
        topicTerms = List.copyOf(topicTerms);
        contextTerms = contextTerms == null ? List.of() : List.copyOf(contextTerms);
        queryOverrides = queryOverrides == null ? Map.of() : Map.copyOf(queryOverrides);
    }

    /** Extracellular vesicles in cancer: the watch the product exists for. */
    public static Watch evCancer() {
        return new Watch(DEFAULT_ID,
                List.of("exosom*", "extracellular vesicle*", "microvesicle*", "ectosom*", "oncosom*"),
                List.of("cancer*", "tumour*", "tumor*", "neoplas*", "carcinoma*", "malignan*", "metasta*",
                        "oncogen*"),
                Map.of());
    }
}
