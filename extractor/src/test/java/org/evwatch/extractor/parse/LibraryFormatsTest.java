package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evwatch.extractor.parse.Fixtures.fixture;

import java.util.List;

import org.evwatch.events.ContentSniffer;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

/**
 * RIS, BibTeX and CSL-JSON as reference managers write them: Zotero's exports of the same three items in each
 * format, PubMed's citation-manager RIS, a JabRef library with macros, concatenation and BibLaTeX fields, and the
 * NCBI citation exporter's CSL-JSON.
 */
class LibraryFormatsTest {

    private final Parsers parsers = Parsers.standard();

    @Test
    void zoteroRisExportGivesEachRecordWithItsIdsNamesAndDates() throws Exception {
        String file = fixture("library/zotero-export.ris");
        assertThat(ContentSniffer.sniff(file)).isEqualTo(ContentTypes.RIS);
        List<Paper> papers = parsers.parseAll(null, file);
        assertThat(papers).hasSize(3);

        Paper article = papers.get(0);
        assertThat(article.ids().doi()).isEqualTo("10.1002/jev2.12345");
        assertThat(article.ids().pmid()).isEqualTo("37071234");
        assertThat(article.ids().pmcid()).isEqualTo("PMC10112345");
        assertThat(article.title()).startsWith("Tumour-derived small extracellular vesicles carry PD-L1");
        assertThat(article.authors()).extracting(Paper.Author::given, Paper.Author::family).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Chidinma A.", "Okafor"),
                org.assertj.core.groups.Tuple.tuple("Åsa", "Lindqvist"),
                org.assertj.core.groups.Tuple.tuple("Jörg", "Müller-Hartmann"));
        assertThat(article.journal().title()).isEqualTo("Journal of Extracellular Vesicles");
        assertThat(article.journal().isoAbbreviation()).isEqualTo("J Extracell Vesicles");
        assertThat(article.journal().volume()).isEqualTo("12");
        assertThat(article.journal().issue()).isEqualTo("4");
        assertThat(article.dates().published()).isEqualTo("2023-04-18");
        assertThat(article.keywords()).containsExactly("Exosomes", "PD-L1", "Lymph node metastasis");
        assertThat(article.abstractText()).contains("GW4869 restored it.");
        assertThat(article.language()).isEqualTo("en");

        assertThat(papers.get(1).publicationTypes()).containsExactly("preprint");
        assertThat(papers.get(1).authors().get(1).family()).isEqualTo("de la Cruz");
        assertThat(papers.get(2).journal().pages()).isEqualTo("45-61");
        assertThat(papers.get(2).dates().published()).isEqualTo("2022");
        assertThat(papers.get(2).publicationTypes()).containsExactly("book-chapter");
    }

    @Test
    void pubmedCitationManagerRisTakesIdsFromItsNotesAndLinks() throws Exception {
        List<Paper> papers = parsers.parseAll(ContentTypes.RIS, fixture("library/pubmed-citation-manager.ris"));
        assertThat(papers).hasSize(2);
        Paper first = papers.get(0);
        assertThat(first.ids().pmid()).isEqualTo("34511234");
        assertThat(first.ids().pmcid()).isEqualTo("PMC8512345");
        assertThat(first.ids().doi()).isEqualTo("10.1016/j.ccell.2021.07.004");
        assertThat(first.journal().title()).isEqualTo("Cancer cell");
        assertThat(first.journal().pages()).isEqualTo("1102-1114");
        assertThat(first.dates().published()).isEqualTo("2021-09-13");
        assertThat(first.abstractSections()).extracting(Paper.AbstractSection::label).contains("BACKGROUND",
                "CONCLUSIONS");
        assertThat(first.authors().get(0).given()).isEqualTo("Marta R");
        Paper review = papers.get(1);
        assertThat(review.ids().pmid()).isEqualTo("32912345");
        assertThat(review.ids().doi()).isNull();
        assertThat(review.dates().published()).isEqualTo("2020-11");
    }

    @Test
    void zoteroBibtexExportDecodesLatexAndReadsTheSameItems() throws Exception {
        String file = fixture("library/zotero-export.bib");
        assertThat(ContentSniffer.sniff(file)).isEqualTo(ContentTypes.BIBTEX);
        List<Paper> papers = parsers.parseAll(null, file);
        assertThat(papers).hasSize(3);
        Paper article = papers.get(0);
        assertThat(article.title()).isEqualTo("Tumour-derived small extracellular vesicles carry PD-L1 to draining"
                + " lymph nodes in oral squamous cell carcinoma");
        assertThat(article.ids().doi()).isEqualTo("10.1002/jev2.12345");
        assertThat(article.ids().pmid()).isEqualTo("37071234");
        assertThat(article.ids().pmcid()).isEqualTo("PMC10112345");
        assertThat(article.authors()).extracting(Paper.Author::family).containsExactly("Okafor", "Lindqvist",
                "Müller-Hartmann");
        assertThat(article.authors().get(1).given()).isEqualTo("Åsa");
        assertThat(article.abstractText()).contains("45% of nodal CD8+ T cells stopped dividing & recovered");
        assertThat(article.dates().published()).isEqualTo("2023-04");
        assertThat(article.journal().articleNumber() != null
                ? article.journal().articleNumber()
                : article.journal().pages()).isEqualTo("e12345");
        assertThat(article.keywords()).containsExactly("Exosomes", "Lymph node metastasis", "PD-L1");
        assertThat(papers.get(1).authors().get(1)).satisfies(a -> {
            assertThat(a.family()).isEqualTo("de la Cruz");
            assertThat(a.given()).isEqualTo("María José");
        });
        assertThat(papers.get(2).journal().title()).isEqualTo("Extracellular Vesicles in Cancer: Methods and"
                + " Protocols");
        assertThat(papers.get(2).journal().pages()).isEqualTo("45-61");
    }

    @Test
    void jabrefLibraryWithMacrosConcatenationAndBiblatexFields() throws Exception {
        List<Paper> papers = parsers.parseAll(ContentTypes.BIBTEX, fixture("library/jabref-library.bib"));
        assertThat(papers).hasSize(2);
        Paper rahman = papers.get(0);
        assertThat(rahman.title()).isEqualTo("Glioblastoma-derived extracellular vesicles reprogram microglia via"
                + " miR-21");
        assertThat(rahman.journal().title()).isEqualTo("Journal of Extracellular Vesicles");
        assertThat(rahman.ids().doi()).isEqualTo("10.1002/jev2.12241");
        assertThat(rahman.ids().pmid()).isEqualTo("35812345");
        assertThat(rahman.dates().published()).isEqualTo("2022-07");
        assertThat(rahman.abstractText()).isEqualTo("Glioblastoma cells release vesicles that carry miR-21 to"
                + " microglia, which then take on a tumour-supportive state.");
        assertThat(rahman.authors()).extracting(Paper.Author::family).containsExactly("Rahman", "O'Neill", "Çelik",
                null);
        assertThat(rahman.authors().get(1).given()).isEqualTo("Ciarán");
        assertThat(rahman.authors().get(3).collectiveName()).isEqualTo("International Society for Extracellular"
                + " Vesicles");
        Paper sato = papers.get(1);
        assertThat(sato.journal().title()).isEqualTo("Molecular Oncology");
        assertThat(sato.dates().published()).isEqualTo("2020-11-05");
        assertThat(sato.journal().issue()).isEqualTo("11");
        assertThat(sato.ids().pmcid()).isEqualTo("PMC7607777");
        assertThat(sato.keywords()).containsExactly("exosomes", "colorectal cancer", "HSP70");
    }

    @Test
    void zoteroCslJsonExportAndTheNcbiCitationExporter() throws Exception {
        String file = fixture("library/zotero-export.json");
        assertThat(ContentSniffer.sniff(file)).isEqualTo(ContentTypes.CSL_JSON);
        List<Paper> papers = parsers.parseAll(null, file);
        assertThat(papers).hasSize(2);
        Paper article = papers.get(0);
        assertThat(article.ids().pmid()).isEqualTo("37071234");
        assertThat(article.ids().pmcid()).isEqualTo("PMC10112345");
        assertThat(article.dates().published()).isEqualTo("2023-04-18");
        assertThat(article.journal().isoAbbreviation()).isEqualTo("J Extracell Vesicles");
        assertThat(article.authors().get(2).collectiveName()).isEqualTo("International Society for Extracellular"
                + " Vesicles");
        assertThat(papers.get(1).dates().published()).isEqualTo("2024-02-03");

        String ncbi = fixture("library/ncbi-citation-exporter.json");
        assertThat(ContentSniffer.sniff(ncbi)).isEqualTo(ContentTypes.CSL_JSON);
        Paper cohort = parsers.parse(null, ncbi);
        assertThat(cohort.ids().pmid()).isEqualTo("34511234");
        assertThat(cohort.ids().doi()).isEqualTo("10.1016/j.ccell.2021.07.004");
        assertThat(cohort.journal().isoAbbreviation()).isEqualTo("Cancer Cell");
        assertThat(cohort.journal().pages()).isEqualTo("1102-1114");
        assertThat(cohort.authors()).hasSize(3);
    }

    @Test
    void aBrokenEntryIsNamedWithItsLine() {
        assertThatThrownBy(() -> parsers.parseAll(ContentTypes.BIBTEX, "@article{broken2020,\n  title = {No end"
                + "\n  year = 2020,\n}\n")).isInstanceOf(ParseException.class).hasMessageContaining("broken2020")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> parsers.parseAll(ContentTypes.RIS, "TY  - JOUR\nTI  - Cut short\nAU  - Doe, J"))
                .isInstanceOf(ParseException.class).hasMessageContaining("not closed with an 'ER  - ' line");
        assertThatThrownBy(() -> parsers.parseAll(ContentTypes.RIS, "TY  - JOUR\nAU  - Doe, Jane\nER  - \n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("missing title");
        assertThatThrownBy(() -> parsers.parseAll(ContentTypes.CSL_JSON, "[{\"type\": \"article-journal\"}]"))
                .isInstanceOf(ParseException.class).hasMessageContaining("missing title");
    }
}
