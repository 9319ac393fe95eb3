package org.evwatch.extractor.parse;

import org.evwatch.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.Summary;
import org.junit.jupiter.api.Test;

/** Field by field, every seed page capture the product was started from. */
class SeedDocumentsTest {

    private final Parsers parsers = Parsers.standard();

    private Paper seed(String name) throws ParseException {
        // seeds come as .txt whatever their layout: the type is sniffed, as for a record without a content type
        return parsers.parse(null, SharedData.read("seeds/" + name));
    }

    @Test
    void researchPortalReviewWithArticleNumberAndKeywords() throws Exception {
        Paper p = seed("000_e331f0cecf3a2ff5.txt");
        assertThat(p.title()).isEqualTo("Extracellular Vesicles and Their Roles in the Tumor Immune Microenvironment");
        assertThat(p.ids().doi()).isNull();
        assertThat(p.authors()).isEmpty();
        assertThat(p.journal().title()).isEqualTo("Journal of Clinical Medicine");
        assertThat(p.journal().issue()).isEqualTo("23");
        assertThat(p.journal().articleNumber()).isEqualTo("6892");
        assertThat(p.dates().published()).isEqualTo("2022-12");
        assertThat(p.abstractSections()).singleElement().satisfies(s -> {
            assertThat(s.label()).isNull();
            assertThat(s.text()).startsWith("Tumor cells actively incorporate molecules (e.g., proteins, lipids, RNA)")
                    .endsWith("future perspectives to further the EV knowledge into clinical practice.");
        });
        assertThat(p.publicationTypes()).containsExactly("review");
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.keywords()).containsExactly("cancer", "engineered EVs", "extracellular vesicles",
                "immune-oncology", "immunosuppression", "immunotherapy", "tumor microenvironment");
        assertThat(PaperKeys.bestKey(p)).startsWith("title:");
    }

    @Test
    void researchPortalArticleWithAuthorsPagesAndFullDate() throws Exception {
        Paper p = seed("001_b65ea758e6e97066.txt");
        assertThat(p.title()).isEqualTo("Molecular pathways: Tumor-derived microvesicles and their interactions with"
                + " immune cells In vivo");
        assertThat(p.ids().doi()).isNull();
        assertThat(p.authors()).extracting(Paper.Author::given).containsExactly("Ferdinando", "Mikael J.");
        assertThat(p.authors()).extracting(Paper.Author::family).containsExactly("Pucci", "Pittet");
        assertThat(p.journal().title()).isEqualTo("Clinical Cancer Research");
        assertThat(p.journal().issue()).isEqualTo("10");
        assertThat(p.journal().pages()).isEqualTo("2598-2604");
        assertThat(p.dates().published()).isEqualTo("2013-05-15");
        assertThat(p.abstractText()).startsWith("Cancer is not merely a cell-intrinsic genetic disease")
                .endsWith("how they could be harnessed for anticancer therapy.")
                .doesNotContain("Scopus").doesNotContain("Original language");
        assertThat(p.publicationTypes()).containsExactly("research-article");
        assertThat(p.language()).isEqualTo("en");
        // ASJC subject areas are the portal's classification of the journal, not the paper's keywords
        assertThat(p.keywords()).isEmpty();
    }

    @Test
    void markdownSummaryOfACancersReview() throws Exception {
        Paper p = seed("002_d6eaca9d8982dbe7.txt");
        assertThat(p.title())
                .isEqualTo("Extracellular Vesicles in Cancer: Mechanistic Insights and Clinical Applications");
        assertThat(p.ids().doi()).isEqualTo("10.3390/cancers18030537");
        assertThat(p.ids().pmcid()).isEqualTo("PMC12897074");
        assertThat(p.authors()).extracting(Paper.Author::displayName).containsExactly("Fahad A. Alhumaydhi",
                "Shehwaz Anwar");
        assertThat(p.journal().title()).isEqualTo("Cancers");
        assertThat(p.dates().published()).isEqualTo("2026-02-06");
        assertThat(p.abstractText()).startsWith("Extracellular vesicles (EVs) are increasingly recognized as critical"
                + " regulators of cancer biology")
                .endsWith(
                        "highlighting future opportunities for integrating EV-based strategies into precision oncology.");
        // the summary's own TL;DR, contribution and key findings are not the paper's abstract
        assertThat(p.abstractText()).doesNotContain("play key roles in cancer progression and offer potential")
                .doesNotContain("EVs influence cancer hallmarks");
        assertThat(p.url()).isEqualTo("https://tomesphere.com/paper/PMC12897074");
        assertThat(PaperKeys.bestKey(p)).isEqualTo("doi:10.3390/cancers18030537");
    }

    @Test
    void mdpiPublisherPageWithHistoryAndCitationStyles() throws Exception {
        Paper p = seed("003_3288381e977d1d50.txt");
        assertThat(p.title()).isEqualTo("Exosome-Mediated Crosstalk Between Cancer Cells and Tumor Microenvironment");
        assertThat(p.ids().doi()).isEqualTo("10.3390/cells14221750");
        assertThat(p.authors()).extracting(Paper.Author::displayName).containsExactly("Sara H. Saad", "Alex Kashanchi",
                "Mohammad Asad Zadeh", "Anastasia Williams", "Elena V. Batrakova");
        assertThat(p.journal().title()).isEqualTo("Cells");
        assertThat(p.journal().volume()).isEqualTo("14");
        assertThat(p.journal().issue()).isEqualTo("22");
        assertThat(p.journal().articleNumber()).isEqualTo("1750");
        assertThat(p.dates().received()).isEqualTo("2025-09-30");
        assertThat(p.dates().accepted()).isEqualTo("2025-11-06");
        assertThat(p.dates().published()).isEqualTo("2025-11-08");
        assertThat(p.abstractText()).startsWith("Exosomes are extracellular vesicles that play a central role")
                .endsWith(
                        "underscoring their translational potential as novel targets for cancer diagnosis and treatment.");
        assertThat(p.publicationTypes()).containsExactly("review");
        assertThat(p.keywords()).containsExactly("exosomes", "extracellular vesicles (EVs)",
                "tumor microenvironment (TME)", "cancer progression", "immune modulation", "B cells",
                "dendritic cells", "tumor-associated macrophages (TAMs)");
        // the neighbouring articles the page links to must not leak in
        assertThat(p.title()).doesNotContain("Plakophilin").doesNotContain("TNFR1");
    }

    @Test
    void markdownSummaryOfAFrontiersReview() throws Exception {
        Paper p = seed("004_11621dd7bd2c4da7.txt");
        assertThat(p.title()).isEqualTo("Research progress on the roles of extracellular vesicles in tumor immunity"
                + " and drug resistance");
        assertThat(p.ids().doi()).isEqualTo("10.3389/fimmu.2026.1750226");
        assertThat(p.ids().pmcid()).isEqualTo("PMC13013411");
        assertThat(p.authors()).extracting(Paper.Author::family).containsExactly("Zhao", "Liu", "Huang", "Shen", "Jin",
                "Qin", "Huang");
        assertThat(p.authors().get(0).given()).isEqualTo("Minghong");
        assertThat(p.journal().title()).isEqualTo("Frontiers in Immunology");
        assertThat(p.dates().published()).isEqualTo("2026-03-11");
        assertThat(p.abstractSections()).singleElement().satisfies(s -> assertThat(s.text())
                .startsWith(
                        "Extracellular vesicles (EVs) have emerged as pivotal mediators of intercellular communication")
                .endsWith("novel therapeutic approaches to enhance patient outcomes."));
    }

    @Test
    void declaredTypesGiveTheSameResultAsSniffing() throws Exception {
        String markdown = SharedData.read("seeds/004_11621dd7bd2c4da7.txt");
        assertThat(parsers.parse(ContentTypes.MARKDOWN, markdown)).isEqualTo(parsers.parse(null, markdown));
        String portal = SharedData.read("seeds/000_e331f0cecf3a2ff5.txt");
        assertThat(parsers.parse(ContentTypes.TEXT, portal)).isEqualTo(parsers.parse(null, portal));
    }

    @Test
    void summaryPagesKeepTheirOwnTldrContributionAndKeyFindingsWordForWord() {
        Summary.FromSource given = parsers.sourceSummary(null, SharedData.read("seeds/002_d6eaca9d8982dbe7.txt"));
        assertThat(given.tldr()).isEqualTo("Extracellular vesicles (EVs) play key roles in cancer progression and offer"
                + " potential as biomarkers and drug delivery tools, though challenges remain in their clinical"
                + " application.");
        assertThat(given.contribution()).isEqualTo("This review provides a comprehensive overview of EVs' roles in"
                + " cancer and highlights recent advances in their clinical applications.");
        assertThat(given.keyFindings()).containsExactly(
                "EVs influence cancer hallmarks like angiogenesis, immune evasion, and metastasis.",
                "EVs are stable in body fluids and reflect tumor molecular profiles, making them promising biomarkers.",
                "EVs can be engineered for targeted drug delivery and immunotherapy.");
        assertThat(parsers.sourceSummary(ContentTypes.MARKDOWN, SharedData.read("seeds/004_11621dd7bd2c4da7.txt"))
                .keyFindings()).hasSize(3).first()
                .isEqualTo("EVs play a key role in immune evasion and tumor progression.");
    }

    @Test
    void pagesThatDoNotSummariseThePaperGiveNoSourceSummary() {
        assertThat(parsers.sourceSummary(null, SharedData.read("seeds/000_e331f0cecf3a2ff5.txt"))).isNull();
        assertThat(parsers.sourceSummary(null, SharedData.read("seeds/003_3288381e977d1d50.txt"))).isNull();
        assertThat(parsers.sourceSummary(ContentTypes.JATS_XML, "<article/>")).isNull();
    }
}
