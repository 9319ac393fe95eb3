package org.evwatch.extractor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** ROUGE-L on pairs whose longest common subsequence is counted by hand. */
class RougeLTest {

    @Test
    void identicalTextsScoreOneWhateverTheCaseAndPunctuation() {
        RougeL.Score s = RougeL.score("EVs carry miR-21.", "evs carry MIR 21");
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.f1()).isEqualTo(1.0);
    }

    @Test
    void theCommonSubsequenceNeedNotBeContiguous() {
        // candidate: police killed the gunman (4); reference: police kill the gunman (4); LCS police-the-gunman = 3
        RougeL.Score s = RougeL.score("police killed the gunman", "police kill the gunman");
        assertThat(s.precision()).isCloseTo(0.75, within(1e-9));
        assertThat(s.recall()).isCloseTo(0.75, within(1e-9));
        // candidate: the gunman kill police (4): LCS "the gunman" = 2
        assertThat(RougeL.score("the gunman kill police", "police kill the gunman").f1()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void precisionAndRecallDivideByTheirOwnLengths() {
        // candidate 6 words, reference 3, all 3 in order: P = 3/6, R = 3/3, F1 = 2 * 0.5 * 1 / 1.5
        RougeL.Score s = RougeL.score("exosomes from tumour cells promote metastasis", "exosomes promote metastasis");
        assertThat(s.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(s.recall()).isCloseTo(1.0, within(1e-9));
        assertThat(s.f1()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void nothingInCommonOrNothingAtAllScoresZero() {
        assertThat(RougeL.score("alpha beta", "gamma delta").f1()).isZero();
        assertThat(RougeL.score("", "gamma delta").f1()).isZero();
        assertThat(RougeL.score(null, "gamma").recall()).isZero();
    }

    @Test
    void wordsAreLowerCasedRunsOfLettersAndDigits() {
        assertThat(RougeL.words("CD63-positive EVs (n = 12).")).containsExactly("cd63", "positive", "evs", "n", "12");
        assertThat(RougeL.lcs(List.of("a", "b", "c", "d"), List.of("b", "d", "a"))).isEqualTo(2);
    }
}
