package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

/** The shared normalisations every parser relies on: dates, languages, names, publication types. */
class NormalisationTest {

    @Test
    void datesInTheirSourceSpellings() {
        assertThat(Dates.parse("2021-12-20T12:09:28-08:00")).isEqualTo("2021-12-20");
        assertThat(Dates.parse("Mon, 20 Dec 2021 00:09:28 -0800")).isEqualTo("2021-12-20");
        assertThat(Dates.parse("2023/04/05")).isEqualTo("2023-04-05");
        assertThat(Dates.parse("20230405")).isEqualTo("2023-04-05");
        assertThat(Dates.parse("8 November 2025")).isEqualTo("2025-11-08");
        assertThat(Dates.parse("May 15 2013")).isEqualTo("2013-05-15");
        assertThat(Dates.parse("2017 Jun-Jul")).isEqualTo("2017-06");
        assertThat(Dates.parse("2017 Winter")).isEqualTo("2017-12");
        assertThat(Dates.parse("Dec 2022")).isEqualTo("2022-12");
        assertThat(Dates.parse("February 2022")).isEqualTo("2022-02");
        assertThat(Dates.parse("2022")).isEqualTo("2022");
        assertThat(Dates.parse("no date here")).isNull();
        assertThat(Dates.of("2012", "13", "1")).isEqualTo("2012");
        assertThat(Dates.of(new int[]{2012, 3})).isEqualTo("2012-03");
    }

    @Test
    void languagesBecomeIso6391() {
        assertThat(Languages.normalise("eng")).isEqualTo("en");
        assertThat(Languages.normalise("ger")).isEqualTo("de");
        assertThat(Languages.normalise("fra")).isEqualTo("fr");
        assertThat(Languages.normalise("en-GB")).isEqualTo("en");
        assertThat(Languages.normalise("English (US)")).isEqualTo("en");
        assertThat(Languages.normalise("Spanish")).isEqualTo("es");
        assertThat(Languages.normalise("klingon")).isEqualTo("klingon");
    }

    @Test
    void authorLinesInEverySourceOrder() {
        PaperDraft d = new PaperDraft();
        d.authorList("Brandão S, Saeedi H, Brandt A. ");
        d.authorList("Inoda, Toshio");
        d.authorList("Gu, W.; Bhatt, A.");
        d.authorList("Ludwig van Beethoven and Ana de la Cruz");
        assertThat(d.authors).extracting(Paper.Author::family).containsExactly("Brandão", "Saeedi", "Brandt", "Inoda",
                "Gu", "Bhatt", "van Beethoven", "de la Cruz");
        assertThat(d.authors).extracting(Paper.Author::given).containsExactly("S", "H", "A", "Toshio", "W.", "A.",
                "Ludwig", "Ana");
    }

    @Test
    void publicationTypesShareOneVocabulary() {
        assertThat(PublicationTypes.normalise(java.util.List.of("Journal Article", "Review", "journal-article",
                "Systematic Review", "posted-content", "Case Reports", "Observational Study")))
                .containsExactly("research-article", "review", "systematic-review", "preprint", "case-report",
                        "observational-study");
    }

    @Test
    void genericTextCaptureTakesFirstLineAuthorsAndAbstractButNotACitedDoi() throws Exception {
        Paper p = Parsers.standard().parse(null, Fixtures.fixture("text-generic.txt"));
        assertThat(p.title()).isEqualTo("Extracellular vesicle-packaged miR-21 in oesophageal squamous cell carcinoma");
        assertThat(p.abstractText()).isEqualTo("Circulating extracellular vesicles carried miR-21 in 120 patients with"
                + " oesophageal cancer. Levels fell after resection.");
        assertThat(p.ids().doi()).isNull();
    }
}
