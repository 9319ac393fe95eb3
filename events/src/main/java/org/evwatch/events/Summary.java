package org.evwatch.events;

import java.util.List;

/**
 * What a reader sees first: a one-sentence TL;DR and 3–5 key findings, both chosen from the abstract, and how
 * relevant the paper is to extracellular vesicles in cancer.
 */
public record Summary(String tldr, List<String> keyFindings, Relevance relevance) {

    public static final Summary NONE = new Summary(null, List.of(), null);

    public Summary {
        keyFindings = keyFindings == null ? List.of() : List.copyOf(keyFindings);
    }

    /** Relevance to "EVs in cancer": a label for filtering and the score in [0, 1] it came from. */
    public record Relevance(Label label, double score) {
        public enum Label {
            /** About extracellular vesicles in cancer. */
            RELEVANT,
            /** Touches one side only (EVs, or cancer with a passing EV mention). */
            BORDERLINE,
            /** Off topic: a feed item to filter out. */
            OFF_TOPIC
        }
    }
}
