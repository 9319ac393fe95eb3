package org.evwatch.extractor.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    static List<String> sentences(String text) {
        return SentenceSplitter.spans(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void splitsAtSentenceEndsOnly() {
        String text = "EVs from E. coli were studied by Smith et al. in 2019. Levels rose 2.5-fold (p < 0.01), "
                + "e.g. in serum. Is this causal? We think so.";
        assertThat(sentences(text)).containsExactly(
                "EVs from E. coli were studied by Smith et al. in 2019.",
                "Levels rose 2.5-fold (p < 0.01), e.g. in serum.", "Is this causal?", "We think so.");
    }

    @Test
    void keepsATrailingSentenceWithoutFullStop() {
        assertThat(sentences("First one. Second one without a stop  ")).containsExactly("First one.",
                "Second one without a stop");
    }

    @Test
    void doesNotSplitBeforeALowerCaseWord() {
        assertThat(sentences("Exosomes were isolated (approx. 100 nm) by UC. vs. controls they differed."))
                .hasSize(1);
    }
}
