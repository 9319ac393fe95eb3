package org.evwatch.extractor.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which sentences only say what the paper does, and which only restate background. */
class SentenceRolesTest {

    static Sentence unlabelled(String text) {
        return new Sentence(text, null, 0, text.length(), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "We also discuss why microvesicles may play a role in cancer diagnostics.",
            "In this review, we summarize the roles of exosomes in metastasis.",
            "Here, we comprehensively review the current knowledge on EVs in tumor immune evasion.",
            "This review summarizes current knowledge on EV biogenesis and cargo.",
            "This review also outlines future research directions.",
            "By summarizing recent research advances, this review highlights the potential of EVs as biomarkers.",
            "Key challenges related to EV isolation are also discussed, highlighting future opportunities.",
            "Finally, we consider the clinical translation of EV-based assays.",
            "Importantly, we discuss the controversial role of EVs in cancer biology.",
            "The present review provides an overview of exosomal microRNAs in glioma.",
            "This review offers a comprehensive overview of the mechanisms by which EVs act."})
    void discourseSentencesAreRecognised(String sentence) {
        assertThat(SentenceRoles.isDiscourse(sentence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Exosomal miR-21 promoted the migration of hepatoma cells in vitro and in vivo.",
            "This study demonstrates that tumour-derived EVs suppress T-cell activation.",
            "We found that plasma EV PD-L1 levels predicted response to anti-PD-1 therapy.",
            "These findings reveal a role for CD63-positive vesicles in pre-metastatic niche formation.",
            "EVs are stable in body fluids and reflect tumor molecular profiles, making them promising biomarkers.",
            "Discussion of EV heterogeneity has been limited by isolation methods."})
    void claimsAreNotDiscourse(String sentence) {
        assertThat(SentenceRoles.isDiscourse(sentence)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Extracellular vesicles have emerged as important messengers in cell-to-cell communication.",
            "Exosomes are increasingly recognized as critical regulators of cancer biology.",
            "EVs have attracted considerable scientific interest in recent years.",
            "Increasing evidence supports the notion that carcinoma cells communicate with immune cells.",
            "Several groups have demonstrated that EVs can be transferred to target cells.",
            "Despite the growing knowledge on EVs, clinical translation remains in its early stages.",
            "Lung cancer is the leading cause of cancer death worldwide.",
            "The mechanisms of exosome uptake remain poorly understood."})
    void backgroundSentencesAreRecognised(String sentence) {
        assertThat(SentenceRoles.isBackground(unlabelled(sentence))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Exosomal miR-21 promoted the migration of hepatoma cells in vitro and in vivo.",
            "Serum exosomal PD-L1 was higher in patients with metastatic melanoma than in healthy donors.",
            "EVs can be engineered for targeted drug delivery and immunotherapy."})
    void findingsAreNotBackground(String sentence) {
        assertThat(SentenceRoles.isBackground(unlabelled(sentence))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BACKGROUND", "INTRODUCTION", "CONTEXT"})
    void aLabelledBackgroundSectionIsBackgroundWhateverItSays(String label) {
        String text = "Exosomal miR-21 promoted migration.";
        assertThat(SentenceRoles.isBackground(new Sentence(text, label, 0, text.length(), 0))).isTrue();
    }
}
