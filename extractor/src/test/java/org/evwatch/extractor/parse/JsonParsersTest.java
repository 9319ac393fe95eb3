package org.evwatch.extractor.parse;

import org.evwatch.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

class JsonParsersTest {

    private static final String EPMC = "data/api-samples/europepmc/";
    private static final String CROSSREF = "data/api-samples/crossref/";

    private final Parsers parsers = Parsers.standard();

    @Test
    void europePmcCoreResultWithHeadedAbstractOrcidAndMesh() throws Exception {
        List<Paper> papers = parsers.parseAll(ContentTypes.EUROPEPMC_JSON,
                SharedData.read(EPMC + "pyEuropePMC_search_cancer_core.json"));
        assertThat(papers).hasSize(25);
        Paper p = papers.stream().filter(x -> "40468710".equals(x.ids().pmid())).findFirst().orElseThrow();

        assertThat(p.ids().doi()).isEqualTo("10.1111/bjhp.12807");
        assertThat(p.title()).isEqualTo("The role of psychological flexibility in relation to health outcomes in"
                + " people in remission from cancer.");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label)
                .containsExactly("Objective", "Design", "Methods", "Results", "Conclusions");
        assertThat(p.abstractSections().get(0).text()).startsWith("This study investigated whether psychological");
        assertThat(p.abstractSections().get(4).text()).endsWith("living with and beyond cancer.");
        assertThat(p.authors()).hasSize(7);
        assertThat(p.authors().get(0)).satisfies(a -> {
            assertThat(a.given()).isEqualTo("Miznah");
            assertThat(a.family()).isEqualTo("Al-Abbadey");
            assertThat(a.orcid()).isEqualTo("0000-0002-6307-9196");
            assertThat(a.affiliations()).hasSize(2);
        });
        assertThat(p.journal().title()).isEqualTo("British journal of health psychology");
        assertThat(p.journal().isoAbbreviation()).isEqualTo("Br J Health Psychol");
        assertThat(p.journal().issn()).isEqualTo("1359-107X");
        assertThat(p.journal().eissn()).isEqualTo("2044-8287");
        assertThat(p.journal().volume()).isEqualTo("30");
        assertThat(p.journal().issue()).isEqualTo("3");
        assertThat(p.journal().articleNumber()).isEqualTo("e12807");
        assertThat(p.dates().published()).isEqualTo("2025-09");
        assertThat(p.publicationTypes()).containsExactly("research-article");
        assertThat(p.keywords()).contains("Psychological Flexibility", "Cancer Survivorship");
        assertThat(p.meshHeadings()).extracting(Paper.MeshHeading::name).contains("Humans", "Neoplasms");
        assertThat(p.meshHeadings()).filteredOn(h -> h.name().equals("Neoplasms")).singleElement()
                .extracting(Paper.MeshHeading::major).isEqualTo(true);
        assertThat(p.license()).isEqualTo("cc by");
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.url()).isEqualTo("https://europepmc.org/article/MED/40468710");
    }

    @Test
    void europePmcLiteResultsIncludingPreprints() throws Exception {
        List<Paper> papers = parsers.parseAll(null,
                SharedData.read(EPMC + "pyEuropePMC_search_1000results_cancer.json"));
        assertThat(papers).hasSize(1000);
        Paper preprint = papers.stream().filter(p -> "10.1101/2025.06.13.25329599".equals(p.ids().doi()))
                .findFirst().orElseThrow();
        assertThat(preprint.ids().preprintDoi()).isEqualTo("10.1101/2025.06.13.25329599");
        assertThat(preprint.publicationTypes()).contains("preprint");
        assertThat(preprint.journal().publisher()).isEqualTo("medRxiv");
        assertThat(preprint.authors().get(0).family()).isEqualTo("Mendez");
        assertThat(preprint.authors().get(0).given()).isEqualTo("JS");
        assertThat(preprint.title()).startsWith("Red meat intake interacts with a TGF-\u03b2-pathway-based");
        assertThat(papers).filteredOn(p -> p.ids().pmid() != null).hasSizeGreaterThan(900);
        Paper lancet = papers.get(0);
        assertThat(lancet.journal().title()).isEqualTo("Lancet");
        assertThat(lancet.journal().volume()).isEqualTo("404");
        assertThat(lancet.journal().issue()).isEqualTo("10471");
        assertThat(lancet.journal().issn()).isEqualTo("0140-6736");
        assertThat(lancet.journal().eissn()).isEqualTo("1474-547X");
        assertThat(lancet.journal().pages()).isEqualTo("2603-2604");
        assertThat(lancet.authors()).extracting(Paper.Author::family).containsExactly("Schoenfeld", "Haas-Kogan",
                "O'Neill");
    }

    @Test
    void europePmcEmptyResultListIsAnError() {
        String empty = SharedData.read(EPMC + "pyEuropePMC_search_no_results.json");
        assertThatThrownBy(() -> parsers.parseAll(ContentTypes.EUROPEPMC_JSON, empty))
                .isInstanceOf(ParseException.class)
                .hasMessage(ContentTypes.EUROPEPMC_JSON + ": the payload holds no record");
    }

    @Test
    void crossrefJatsAbstractBecomesPlainTextWithHistory() throws Exception {
        Paper p = parsers.parse(ContentTypes.CROSSREF_JSON,
                SharedData.read(CROSSREF + "habanero_works_10.1002_jor.1100150407.json"));
        assertThat(p.ids().doi()).isEqualTo("10.1002/jor.1100150407");
        assertThat(p.title()).isEqualTo("Growth hormone secretagogue increases muscle strength during"
                + " remobilization after canine hindlimb immobilization");
        assertThat(p.abstractSections()).singleElement().satisfies(s -> {
            assertThat(s.label()).isNull();
            assertThat(s.text()).startsWith("Twenty\u2010two beagles were divided into two equal groups")
                    .doesNotContain("<jats").doesNotContain("</")
                    .endsWith("during rehabilitation after prolonged inactivity.");
        });
        assertThat(p.authors().get(0).given()).isEqualTo("Richard L.");
        assertThat(p.authors().get(0).family()).isEqualTo("Lieber");
        assertThat(p.journal().title()).isEqualTo("Journal of Orthopaedic Research");
        assertThat(p.journal().issn()).isEqualTo("0736-0266");
        assertThat(p.journal().eissn()).isEqualTo("1554-527X");
        assertThat(p.journal().pages()).isEqualTo("519-527");
        assertThat(p.journal().publisher()).isEqualTo("Wiley");
        assertThat(p.dates().published()).isEqualTo("1997-07");
        assertThat(p.dates().epub()).isEqualTo("2005-02-18");
        assertThat(p.dates().received()).isEqualTo("1996-11-25");
        assertThat(p.dates().accepted()).isEqualTo("1997-06-18");
        assertThat(p.publicationTypes()).containsExactly("research-article");
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.url()).isEqualTo("https://doi.org/10.1002/jor.1100150407");
    }

    @Test
    void crossrefElocatorOrcidAffiliationAndWorkLists() throws Exception {
        Paper plos = parsers.parse(null,
                SharedData.read(CROSSREF + "habanero_works_10.1371_journal.pone.0033693.json"));
        assertThat(plos.journal().articleNumber()).isEqualTo("e33693");
        assertThat(plos.journal().eissn()).isEqualTo("1932-6203");
        assertThat(plos.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        assertThat(plos.dates().published()).isEqualTo("2012-03-21");

        List<Paper> list = parsers.parseAll(ContentTypes.CROSSREF_JSON,
                SharedData.read(CROSSREF + "habanero_works_query_ecology_author_boettiger.json"));
        assertThat(list).hasSize(20);
        Paper first = list.get(0);
        assertThat(first.ids().doi()).isEqualTo("10.1111/ele.14024");
        assertThat(first.authors().get(0).orcid()).isEqualTo("0000-0002-1642-628X");
        assertThat(first.authors().get(0).affiliations()).singleElement().asString()
                .startsWith("Department of Environmental Science");

        Paper proceedings = parsers.parse(ContentTypes.CROSSREF_JSON,
                SharedData.read(CROSSREF + "habanero_works_10.1109_icdcsw.2003.1203662.json"));
        assertThat(proceedings.publicationTypes()).containsExactly("conference-paper");
        assertThat(proceedings.dates().published()).isNull();
    }

    @Test
    void everyCrossrefSampleParses() throws Exception {
        for (String name : List.of("habanero_works_10.1016_j.neurobiolaging.2010.03.024.json",
                "habanero_works_10.3892_ijo_00000353.json", "habanero_works_query_ecology_rows2.json")) {
            List<Paper> papers = parsers.parseAll(null, SharedData.read(CROSSREF + name));
            assertThat(papers).as(name).isNotEmpty().allSatisfy(p -> {
                assertThat(p.ids().doi()).startsWith("10.");
                assertThat(p.title()).isNotBlank();
            });
        }
    }

    @Test
    void biorxivDetailsVersionsPublishedDoiAndCorrespondingAffiliation() throws Exception {
        List<Paper> versions = parsers.parseAll(null, Fixtures.fixture("biorxiv-details.json"));
        assertThat(versions).hasSize(2);
        Paper v1 = versions.get(0);
        assertThat(v1.ids().doi()).isEqualTo("10.1101/2024.05.14.594132");
        assertThat(v1.ids().preprintDoi()).isEqualTo("10.1101/2024.05.14.594132");
        assertThat(v1.ids().publishedDoi()).isNull();
        assertThat(v1.authors()).extracting(Paper.Author::family)
                .containsExactly("Okafor", "van der Berg", "Lindqvist", "Chen");
        assertThat(v1.authors()).extracting(Paper.Author::given).containsExactly("C. N.", "A.", "M.-L.", "Y.");
        assertThat(v1.authors().get(3).affiliations()).containsExactly("Karolinska Institutet");
        assertThat(v1.authors().get(0).affiliations()).isEmpty();
        assertThat(v1.journal().title()).isEqualTo("bioRxiv");
        assertThat(v1.dates().published()).isEqualTo("2024-05-16");
        assertThat(v1.publicationTypes()).containsExactly("preprint", "research-article");
        assertThat(v1.keywords()).containsExactly("cancer biology");
        assertThat(v1.license()).isEqualTo("cc by-nc-nd");
        assertThat(v1.url()).isEqualTo("https://www.biorxiv.org/content/10.1101/2024.05.14.594132v1");

        Paper v2 = versions.get(1);
        assertThat(v2.ids().publishedDoi()).isEqualTo("10.1038/s41586-024-08000-1");
        assertThat(v2.ids().doi()).isEqualTo("10.1101/2024.05.14.594132");
        assertThat(v2.license()).isEqualTo("cc by");
    }

    @Test
    void medrxivItemWithRunInAbstractLabels() throws Exception {
        Paper p = parsers.parse(ContentTypes.BIORXIV_JSON, Fixtures.fixture("medrxiv-item.json"));
        assertThat(p.journal().title()).isEqualTo("medRxiv");
        assertThat(p.authors().get(2).family()).isEqualTo("O'Neill");
        assertThat(p.authors().get(2).affiliations()).containsExactly("University College Dublin");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label)
                .containsExactly("Background", "Methods", "Results", "Conclusions");
        assertThat(p.abstractSections().get(2).text())
                .isEqualTo("The two-miRNA score detected stage I-II cancers with an AUC of 0.86.");
        assertThat(p.url()).isEqualTo("https://www.medrxiv.org/content/10.1101/2023.11.02.23297961v1");
    }

    @Test
    void missingTitleAndMalformedJsonAreClearErrors() {
        assertThatThrownBy(() -> parsers.parse(ContentTypes.BIORXIV_JSON, Fixtures.fixture("biorxiv-no-title.json")))
                .isInstanceOf(ParseException.class)
                .hasMessage("bioRxiv JSON (10.1101/2024.01.01.000001): missing title");
        assertThatThrownBy(() -> parsers.parse(ContentTypes.EUROPEPMC_JSON,
                Fixtures.fixture("europepmc-malformed.json")))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Europe PMC JSON: malformed JSON at line 3");
    }

    @Test
    void crossrefPreprintLinksItsJournalVersionAndKeepsJatsSections() throws Exception {
        Paper p = parsers.parse(null, Fixtures.fixture("crossref-posted-content.json"));
        assertThat(p.ids().doi()).isEqualTo("10.1101/2024.05.14.594132");
        assertThat(p.ids().preprintDoi()).isEqualTo("10.1101/2024.05.14.594132");
        assertThat(p.ids().publishedDoi()).isEqualTo("10.1038/s41586-024-08000-1");
        assertThat(p.publicationTypes()).containsExactly("preprint");
        assertThat(p.journal().title()).isEqualTo("bioRxiv");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label).containsExactly("Background",
                "Results");
        assertThat(p.abstractSections().get(1).text()).isEqualTo("sEV PD-L1 suppresses T cell priming in lymph nodes.");
        assertThat(p.authors().get(0).affiliations()).containsExactly("Karolinska Institutet");
        assertThat(p.authors().get(1).collectiveName()).isEqualTo("EV Immunology Network");
        assertThat(p.dates().published()).isEqualTo("2024-05-16");
        assertThat(p.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
    }
}
