package org.evwatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The type told from a file's first characters, for every format the product reads, and the near misses that must
 * stay what they are: a note that mentions a RIS tag, an e-mail handle that looks like a BibTeX entry, Crossref JSON
 * beside CSL-JSON, prose with a DOI in it.
 */
class ContentSnifferTest {

    static final String ZOTERO_RIS = "TY  - JOUR\r\nTI  - Exosomal PD-L1 in melanoma\r\nAU  - Okafor, Chidinma\r\n"
            + "DO  - 10.1002/jev2.12345\r\nER  - \r\n\r\n";

    @Test
    void xmlIsTypedByItsRootElement() {
        assertTyped(ContentTypes.PUBMED_XML, "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//"
                + "DTD PubMedArticle, 1st January 2024//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101"
                + ".dtd\">\n<PubmedArticleSet><PubmedArticle>", "<MedlineCitation Status=\"MEDLINE\">",
                "<!-- exported -->\n<PubmedArticleSet>");
        assertTyped(ContentTypes.JATS_XML, "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\" article-type="
                + "\"review-article\">", "<pmc-articleset><article>");
        assertTyped(ContentTypes.FEED_ITEM_XML, "<rss version=\"2.0\"><channel><item>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">");
        assertTyped(ContentTypes.HTML, "<!DOCTYPE html>\n<html lang=\"en\">",
                "<meta name=\"citation_title\" content=\"x\">");
        // XML of no format read; an element in a comment before the root does not decide
        assertTyped(ContentSniffer.XML, "<catalog><article>", "<!-- <article> was here -->\n<catalog/>");
    }

    @Test
    void theFileNameSettlesOnlyWhatTheContentLeavesOpen() {
        assertThat(ContentSniffer.sniff("Exosomes in glioma\n\nA short note.", "notes.md"))
                .isEqualTo(ContentTypes.MARKDOWN);
        assertThat(ContentSniffer.sniff("Exosomes in glioma\n\nA short note.", "notes.txt"))
                .isEqualTo(ContentTypes.TEXT);
        assertThat(ContentSniffer.sniff("<div><p>Exosomes</p></div>", "page.HTML")).isEqualTo(ContentTypes.HTML);
        assertThat(ContentSniffer.sniff("<div><p>Exosomes</p></div>", null)).isEqualTo(ContentSniffer.XML);
        assertThat(ContentSniffer.sniff(ZOTERO_RIS, "library.md")).isEqualTo(ContentTypes.RIS);
    }

    @Test
    void jsonIsTypedByTheFieldsOfItsFormat() {
        assertTyped(ContentTypes.BIORXIV_JSON, "{\"messages\":[{\"status\":\"ok\"}],\"collection\":[{\"doi\":"
                + "\"10.1101/x\"}]}", "{\"doi\":\"10.1101/2024.01.02.123456\",\"server\":\"medrxiv\"}");
        assertTyped(ContentTypes.EUROPEPMC_JSON, "{\"hitCount\":1,\"resultList\":{\"result\":[{\"id\":"
                + "\"38000001\"}]}}");
        assertTyped(ContentTypes.CROSSREF_JSON, "{\"status\":\"ok\",\"message-type\":\"work\",\"message\":"
                + "{\"DOI\":\"10.3390/cells14221750\",\"type\":\"journal-article\"}}");
        assertTyped(ContentSniffer.JSON, "{\"hello\": 1}");
    }

    @Test
    void cslJsonIsToldFromCrossrefWhoseTypesAreSpelledOtherwise() {
        assertTyped(ContentTypes.CSL_JSON, "[\n  {\n    \"id\": \"http://zotero.org/users/1/items/ABCD1234\",\n"
                + "    \"type\": \"article-journal\",\n    \"title\": \"Exosomal PD-L1\",\n    \"DOI\": \"10.1002/jev2"
                + ".12345\",\n    \"container-title\": \"Journal of Extracellular Vesicles\"\n  }\n]",
                "{\"id\":\"pmid:34511234\",\"type\":\"article\",\"title\":\"x\"}");
        // Crossref's own items: a type CSL also has, but Crossref's fields
        assertTyped(ContentTypes.CROSSREF_JSON, "{\"reference-count\":42,\"type\":\"book\",\"DOI\":"
                + "\"10.1007/978-3-030-1\"}", "{\"message-type\":\"work\",\"message\":{\"type\":\"article\"}}");
        // a type of Crossref's spelling, or one CSL does not have, makes no CSL item
        assertTyped(ContentSniffer.JSON, "[{\"type\":\"journal-article\",\"title\":\"x\"}]",
                "{\"type\":\"article-journals\",\"title\":\"x\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {ZOTERO_RIS, "TY  - JOUR\nTI  - x\nER  - \n", "TY - BOOK\nER - \n", "TY  -\nER  -\n",
            "\uFEFFTY  - JOUR\r\nER  - \r\n", "\n\n   TY  - CHAP\nER  - \n"})
    void risStartsWithItsFirstRecordsTypeLine(String file) {
        assertThat(ContentSniffer.sniff(file)).isEqualTo(ContentTypes.RIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TYPE - journal article\n", "TY: JOUR\nTI: x\n", "TY   - JOUR\n", "TY  -JOUR\n",
            "Exported from Zotero\nTY  - JOUR\nER  - \n", "ty  - jour\n"})
    void textThatOnlyResemblesRisIsNotRis(String file) {
        assertThat(ContentSniffer.sniff(file)).isNotEqualTo(ContentTypes.RIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PMID- 38123456\nOWN - NLM\nTI  - Exosomal PD-L1 in melanoma.\n",
            "\uFEFFPMID- 1\r\nTI  - x\r\n", "\n\nPMID- 38123456\n"})
    void medlineStartsWithItsFirstRecordsPmidLine(String file) {
        assertThat(ContentSniffer.sniff(file)).isEqualTo(ContentTypes.MEDLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PMID: 38123456\n", "PMID- none\n", "38123456\n38123457\n", "pmid- 1\n"})
    void textThatOnlyResemblesMedlineIsNotMedline(String file) {
        assertThat(ContentSniffer.sniff(file)).isNotEqualTo(ContentTypes.MEDLINE);
    }

    @Test
    void aLongRisFileIsTypedFromItsHead() {
        String library = IntStream.range(0, 200).mapToObj(i -> ZOTERO_RIS).collect(Collectors.joining());
        assertThat(library.length()).isGreaterThan(4096 * 4);
        assertThat(ContentSniffer.sniff(library)).isEqualTo(ContentTypes.RIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@article{okafor2023,\n  title = {Exosomal PD-L1},\n}\n",
            "% Encoding: UTF-8\n\n@Article{okafor2023,\n  title = {x},\n}\n",
            "%% JabRef\n% comment\n@string{jev = \"J Extracell Vesicles\"}\n@article{a, journal = jev}\n",
            "@ARTICLE (okafor2023, title = \"x\")\n", "\uFEFF@inproceedings{k, title={x}}",
            "  @misc {k, title={x}}"})
    void bibtexStartsWithAnEntryAfterCommentLines(String file) {
        assertThat(ContentSniffer.sniff(file)).isEqualTo(ContentTypes.BIBTEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@okafor thanks for the exosome paper!\n", "See @article{okafor2023} for details.\n",
            "% a note\nPlain text about vesicles\n@article{k, title={x}}\n", "@{k, title={x}}\n",
            "@123{k, title={x}}\n"})
    void textThatOnlyResemblesBibtexIsNotBibtex(String file) {
        assertThat(ContentSniffer.sniff(file)).isNotEqualTo(ContentTypes.BIBTEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1002/jev2.12345\nPMID: 34511234\nPMC8512345\n",
            "# papers to read\n38000001, 38000002\ndoi:10.1016/j.ev.2024.01.002\n\nhttps://doi.org/10.1038/nature14581\n",
            "https://pubmed.ncbi.nlm.nih.gov/34511234/\r\nhttps://www.ncbi.nlm.nih.gov/pmc/articles/PMC8512345/\r\n",
            "https://www.nature.com/articles/s41586-020-2077-3\nhttps://europepmc.org/article/MED/34511234\n",
            "34511234\n", "34511234 34511235 34511236 34511237 34511238 a-typo\n"})
    void identifierListsAreMostlyIdentifiers(String file) {
        assertThat(ContentSniffer.sniff(file)).isEqualTo(ContentTypes.IDENTIFIER_LIST);
    }

    @Test
    void aLongIdentifierListIsTypedFromItsHead() {
        String list = IntStream.range(0, 600).mapToObj(i -> "10.5555/evwatch.sample." + i)
                .collect(Collectors.joining("\n"));
        assertThat(list.length()).isGreaterThan(4096);
        assertThat(ContentSniffer.sniff(list)).isEqualTo(ContentTypes.IDENTIFIER_LIST);
    }

    @Test
    void theIdentifierTheHeadCutsInTwoDoesNotCount() {
        // three long landing-page URLs fill the head but for the first three letters of a fourth
        String list = url(1364) + "\n" + url(1363) + "\n" + url(1363) + "\n" + url(1363) + "\n";
        assertThat(list.substring(0, 4096)).endsWith("\nhtt");
        assertThat(ContentSniffer.sniff(list)).isEqualTo(ContentTypes.IDENTIFIER_LIST);
        // the same 4096 characters as a whole file: 'htt' is a word of it, one in four, too many for a list
        assertThat(ContentSniffer.sniff(list.substring(0, 4096))).isNotEqualTo(ContentTypes.IDENTIFIER_LIST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Exosomes in cancer (doi:10.1002/jev2.12345) are reviewed here.\n",
            "See 10.1038/nature14581 and PMID 34511234 for the cohort.\n",
            "# Exosomes in glioma\n\nThe study at https://example.org/study enrolled 40 patients.\n",
            "10.1002/jev2.12345\nthe first paper we read\nabout vesicles\n", "ftp://example.org/list.txt\n",
            "# only a comment\n"})
    void proseWithIdentifiersInItIsNoList(String file) {
        assertThat(ContentSniffer.sniff(file)).isNotEqualTo(ContentTypes.IDENTIFIER_LIST);
    }

    @Test
    void pageCapturesAreMarkdownOrText() {
        assertThat(ContentSniffer.sniff("# Exosomes in glioma\n\nVesicles carry cargo.")).isEqualTo(
                ContentTypes.MARKDOWN);
        assertThat(ContentSniffer.sniff("Exosomes in glioma\n## Abstract\nVesicles.")).isEqualTo(
                ContentTypes.MARKDOWN);
        assertThat(ContentSniffer.sniff("Exosomes are **small** vesicles.")).isEqualTo(ContentTypes.MARKDOWN);
        assertThat(ContentSniffer.sniff("Extracellular vesicles in cancer: mechanistic insights.\n\nAbstract\n"
                + "Extracellular vesicles play key roles.")).isEqualTo(ContentTypes.TEXT);
        assertThat(ContentSniffer.sniff("")).isEqualTo(ContentTypes.TEXT);
    }

    private static String url(int length) {
        String start = "https://www.example.org/articles/exosomes?ref=";
        return start + "x".repeat(length - start.length());
    }

    private static void assertTyped(String type, String... heads) {
        for (String head : heads) {
            assertThat(ContentSniffer.sniff(head)).as(head).isEqualTo(type);
        }
    }
}
