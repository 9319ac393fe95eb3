package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

class HtmlPageParserTest {

    private final Parsers parsers = Parsers.standard();

    @Test
    void highwireMetaTagsWinAndAuthorsKeepTheirInstitutionsAndOrcid() throws Exception {
        Paper p = parsers.parse(ContentTypes.HTML, Fixtures.fixture("html-highwire.html"));
        assertThat(p.title())
                .isEqualTo("Tumour exosomes educate bone marrow progenitors towards a pro-metastatic phenotype");
        assertThat(p.ids().doi()).isEqualTo("10.1002/jev2.12310");
        assertThat(p.ids().pmid()).isEqualTo("37012345");
        assertThat(p.authors()).extracting(Paper.Author::family).containsExactly("Peinado", "Lyden", "Costa-Silva");
        assertThat(p.authors().get(0).given()).isEqualTo("Héctor");
        assertThat(p.authors().get(0).orcid()).isEqualTo("0000-0001-9015-3225");
        assertThat(p.authors().get(1).affiliations()).containsExactly("Weill Cornell Medicine, New York, USA",
                "Memorial Sloan Kettering Cancer Center, New York, USA");
        assertThat(p.authors().get(2).given()).isEqualTo("Ana");
        assertThat(p.authors().get(2).affiliations()).isEmpty();
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label).containsExactly("Background",
                "Results");
        assertThat(p.journal().title()).isEqualTo("Journal of Extracellular Vesicles");
        assertThat(p.journal().isoAbbreviation()).isEqualTo("J Extracell Vesicles");
        assertThat(p.journal().issn()).isEqualTo("2001-3078");
        assertThat(p.journal().volume()).isEqualTo("12");
        assertThat(p.journal().issue()).isEqualTo("4");
        assertThat(p.journal().pages()).isEqualTo("e12310");
        assertThat(p.dates().published()).isEqualTo("2023-04-05");
        assertThat(p.dates().epub()).isEqualTo("2023-03-28");
        assertThat(p.keywords()).containsExactly("exosomes", "pre-metastatic niche", "melanoma");
        assertThat(p.publicationTypes()).containsExactly("research-article");
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.url()).isEqualTo("https://onlinelibrary.wiley.com/doi/abs/10.1002/jev2.12310");
    }

    @Test
    void jsonLdScholarlyArticleInAGraphDespiteABrokenBlock() throws Exception {
        Paper p = parsers.parse(null, Fixtures.fixture("html-jsonld.html"));
        assertThat(p.title()).isEqualTo("Circulating extracellular vesicle proteins stratify pancreatic cancer");
        assertThat(p.ids().doi()).isEqualTo("10.5555/evpc.2024.0042");
        assertThat(p.authors()).hasSize(3);
        assertThat(p.authors().get(0)).satisfies(a -> {
            assertThat(a.given()).isEqualTo("Lena");
            assertThat(a.family()).isEqualTo("Hoffmann");
            assertThat(a.orcid()).isEqualTo("0000-0003-1415-9265");
            assertThat(a.affiliations()).containsExactly("Heidelberg University Hospital");
        });
        assertThat(p.authors().get(1).family()).isEqualTo("Mehta");
        assertThat(p.authors().get(2).collectiveName()).isEqualTo("EV-PDAC Study Group");
        assertThat(p.journal().title()).isEqualTo("Example Journal of Oncology");
        assertThat(p.journal().issn()).isEqualTo("1234-5678");
        assertThat(p.journal().volume()).isEqualTo("9");
        assertThat(p.journal().issue()).isEqualTo("3");
        assertThat(p.journal().pages()).isEqualTo("211-224");
        assertThat(p.journal().publisher()).isEqualTo("Example Press");
        assertThat(p.dates().published()).isEqualTo("2024-07-15");
        assertThat(p.keywords()).containsExactly("extracellular vesicles", "pancreatic cancer", "proteomics");
        assertThat(p.abstractText()).startsWith("Extracellular vesicle (EV) proteins in plasma");
        assertThat(p.license()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(p.language()).isEqualTo("en");
    }

    @Test
    void dublinCoreOnlyPage() throws Exception {
        Paper p = parsers.parse(ContentTypes.HTML, Fixtures.fixture("html-dublin-core.html"));
        assertThat(p.title()).isEqualTo("Urinary exosomes as a source of bladder cancer biomarkers");
        assertThat(p.ids().doi()).isEqualTo("10.4321/uex.2019.7");
        assertThat(p.authors()).extracting(Paper.Author::displayName).containsExactly("Jan Nowak", "Ana Silva");
        assertThat(p.journal().title()).isEqualTo("Urology Research Letters");
        assertThat(p.journal().publisher()).isEqualTo("Example University Press");
        assertThat(p.dates().published()).isEqualTo("2019-11-03");
        assertThat(p.abstractText()).isEqualTo("Urinary exosomes carry bladder tumour RNA.");
        assertThat(p.keywords()).containsExactly("bladder cancer");
        assertThat(p.license()).isEqualTo("CC BY-NC 4.0");
        assertThat(p.language()).isEqualTo("en");
    }

    @Test
    void pageWithoutMetadataFallsBackToVisibleText() throws Exception {
        Paper p = parsers.parse(ContentTypes.HTML, Fixtures.fixture("html-no-metadata.html"));
        assertThat(p.title()).isEqualTo("Exosomal PD-L1 and resistance to anti-PD-1 therapy in melanoma");
        assertThat(p.ids().doi()).isEqualTo("10.7777/ml.2022.118");
        assertThat(p.abstractText()).isEqualTo("Exosomal PD-L1 rose early in patients who later progressed."
                + " It may serve as an early marker of resistance.");
        assertThat(p.language()).isEqualTo("en");
    }

    @Test
    void pageWithNoTitleAnywhereFails() {
        assertThatThrownBy(() -> parsers.parse(ContentTypes.HTML, Fixtures.fixture("html-no-title.html")))
                .isInstanceOf(ParseException.class)
                .hasMessage("HTML page: missing title");
    }
}
