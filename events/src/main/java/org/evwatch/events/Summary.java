package org.evwatch.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a reader sees first: a one-sentence TL;DR and 3–5 key findings, both chosen from the abstract, and how
 * relevant the paper is to extracellular vesicles in cancer; beside them, when the source itself summarised the
 * paper (a summary page with its own TL;DR and key findings), that summary exactly as the source gave it.
 *
 * @param tldr the extractor's TL;DR, a sentence of the abstract
 * @param keyFindings the extractor's key findings, sentences of the abstract
 * @param relevance relevance to EVs in cancer
 * @param fromSource the source's own summary, null when the source gave none
 */
public record Summary(String tldr, List<String> keyFindings, Relevance relevance, FromSource fromSource) {

    public static final Summary NONE = new Summary(null, List.of(), null, null);

    public Summary {
        keyFindings = keyFindings == null ? List.of() : List.copyOf(keyFindings);
    }

    /** The extractor's own summary, without one from the source. */
    public Summary(String tldr, List<String> keyFindings, Relevance relevance) {
        this(tldr, keyFindings, relevance, null);
    }

    /** The same summary with the source's own beside it. */
    public Summary withFromSource(FromSource given) {
        return new Summary(tldr, keyFindings, relevance, given);
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

    /**
     * A summary the source wrote itself, kept word for word: its TL;DR, its statement of the paper's contribution and
     * its key findings. Never mixed with the extractor's, which are chosen from the abstract.
     */
    public record FromSource(String tldr, String contribution, List<String> keyFindings) {
        public FromSource {
            keyFindings = keyFindings == null ? List.of() : List.copyOf(keyFindings);
        }

        /** True when the source gave none of the three. */
        @JsonIgnore
        public boolean isEmpty() {
            return tldr == null && contribution == null && keyFindings.isEmpty();
        }
    }
}
