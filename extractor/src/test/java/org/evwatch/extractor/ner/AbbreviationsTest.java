package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AbbreviationsTest {

    @Test
    void findsLongFormsByMatchingTheShortFormsLetters() {
        String text = "Patients with non-small cell lung cancer (NSCLC) and small extracellular vesicles (sEVs; "
                + "n = 12) were studied by nanoparticle tracking analysis (NTA).";
        List<Abbreviations.Definition> defs = Abbreviations.find(text);
        assertThat(defs).extracting(Abbreviations.Definition::shortForm, Abbreviations.Definition::longForm)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("NSCLC", "non-small cell lung cancer"),
                        org.assertj.core.groups.Tuple.tuple("sEVs", "small extracellular vesicles"),
                        org.assertj.core.groups.Tuple.tuple("NTA", "nanoparticle tracking analysis"));
        Abbreviations.Definition nsclc = defs.get(0);
        assertThat(text.substring(nsclc.longStart(), nsclc.longEnd())).isEqualTo("non-small cell lung cancer");
        assertThat(text.substring(nsclc.shortStart(), nsclc.shortEnd())).isEqualTo("NSCLC");
    }

    @Test
    void ignoresParenthesesThatAreNotDefinitions() {
        assertThat(Abbreviations.find("Levels rose (p < 0.05) in all groups (see below) and in mice (n = 5)."))
                .isEmpty();
    }

    @Test
    void rejectsShortFormsWhoseLettersAreNotInTheWordsBefore() {
        assertThat(Abbreviations.find("Exosomes were isolated by ultracentrifugation (XYZ).")).isEmpty();
    }

    @Test
    void firstLetterMustStartAWord() {
        // "T" must begin a word: "tumour-derived" qualifies, "cytotoxic" inside a word does not.
        List<Abbreviations.Definition> defs = Abbreviations.find("We studied tumour-derived exosomes (TEX).");
        assertThat(defs).singleElement().satisfies(d -> assertThat(d.longForm()).isEqualTo(
                "tumour-derived exosomes"));
    }
}
