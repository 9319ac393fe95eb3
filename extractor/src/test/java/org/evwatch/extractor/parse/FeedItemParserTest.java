package org.evwatch.extractor.parse;

import org.evwatch.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

class FeedItemParserTest {

    private static final String FEEDS = "data/api-samples/rss-atom/biorss_2021-12-21_";

    private final Parsers parsers = Parsers.standard();

    @Test
    void rss2ItemWithDublinCorePrismAndStructuredEncodedContent() throws Exception {
        Paper p = parsers.parse(ContentTypes.FEED_ITEM_XML, Fixtures.fixture("feed-item-rss2.xml"));
        assertThat(p.title())
                .isEqualTo("Exosomal miR-1246 from hypoxic glioma cells drives M2 macrophage polarisation");
        assertThat(p.ids().doi()).isEqualTo("10.1002/jev2.12345");
        assertThat(p.authors()).extracting(Paper.Author::family).containsExactly("Gonzalez-Ruiz", "Nowak", "Tanaka");
        assertThat(p.authors()).extracting(Paper.Author::given).containsExactly("Maria", "Tomasz", "Aiko");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label)
                .containsExactly("Background", "Methods", "Results", "Conclusions");
        assertThat(p.abstractSections().get(2).text())
                .isEqualTo("Exosomal miR-1246 polarised macrophages towards M2 through STAT3.");
        assertThat(p.journal().title()).isEqualTo("Journal of Extracellular Vesicles");
        assertThat(p.journal().eissn()).isEqualTo("2001-3078");
        assertThat(p.journal().volume()).isEqualTo("13");
        assertThat(p.journal().issue()).isEqualTo("6");
        assertThat(p.dates().published()).isEqualTo("2024-06-01");
        assertThat(p.dates().epub()).isEqualTo("2024-05-14");
        assertThat(p.publicationTypes()).containsExactly("research-article");
        assertThat(p.keywords()).containsExactly("glioma", "tumour-associated macrophages");
        assertThat(p.url()).isEqualTo("https://onlinelibrary.wiley.com/doi/10.1002/jev2.12345?af=R");
    }

    @Test
    void rss1ItemWithInvertedCreatorAndPageRange() throws Exception {
        Paper p = parsers.parse(null, Fixtures.fixture("feed-item-rss1.xml"));
        assertThat(p.ids().doi()).isEqualTo("10.1017/s0007114524000001");
        assertThat(p.authors()).singleElement().satisfies(a -> {
            assertThat(a.family()).isEqualTo("Okonkwo");
            assertThat(a.given()).isEqualTo("Adaeze");
        });
        assertThat(p.journal().title()).isEqualTo("Gastric Cancer Reports");
        assertThat(p.journal().pages()).isEqualTo("101-109");
        assertThat(p.dates().published()).isEqualTo("2024-02-20");
        assertThat(p.abstractText())
                .isEqualTo("Extracellular vesicles in plasma carry gastric tumour DNA and protein.");
    }

    @Test
    void atomEntryWithHtmlTitleAndAlternateLink() throws Exception {
        Paper p = parsers.parse(ContentTypes.FEED_ITEM_XML, Fixtures.fixture("feed-entry-atom.xml"));
        assertThat(p.title()).isEqualTo("Tumour EV-PD-L1 predicts response to immunotherapy");
        assertThat(p.ids().doi()).isEqualTo("10.1186/s12943-024-01999-9");
        assertThat(p.authors()).extracting(Paper.Author::displayName).containsExactly("Wei Chen", "Sofia Rossi");
        assertThat(p.dates().published()).isEqualTo("2024-03-01");
        assertThat(p.url()).isEqualTo("https://molecular-cancer.biomedcentral.com/articles/10.1186/s12943-024-01999-9");
        assertThat(p.license()).isEqualTo("CC BY 4.0");
        assertThat(p.language()).isEqualTo("en");
    }

    @Test
    void pubmedSearchFeedGivesPmidDoiAuthorsAndCleanAbstract() throws Exception {
        List<Paper> items = parsers.parseAll(null,
                SharedData.read(FEEDS
                        + "pubmed.ncbi.nlm.nih.gov-rss-search-1rE397IRBYU0-ogsyRnEw9o91K808u0evolcHK9IDZ0PVH5cqD-.xml"));
        assertThat(items).hasSize(15);
        Paper p = items.get(0);
        assertThat(p.ids().pmid()).isEqualTo("34929406");
        assertThat(p.ids().doi()).isEqualTo("10.1016/j.parint.2021.102531");
        assertThat(p.title()).startsWith("Description of Gyrodactylus banmae n. sp.");
        assertThat(p.authors()).extracting(Paper.Author::displayName)
                .startsWith("Xiao Jin", "Wenxiang Li", "Yingyin Cheng", "Ming Li").hasSize(7);
        assertThat(p.journal().title()).isEqualTo("Parasitology international");
        assertThat(p.abstractText()).startsWith("A new species of Gyrodactylus was described")
                .doesNotContain("PMID:").doesNotContain("Parasitol Int. 2021");
        assertThat(p.dates().published()).isEqualTo("2021-12-20");
    }

    @Test
    void publisherFeedsReadTheirOwnMetadataConventions() throws Exception {
        Paper wiley = parsers
                .parseAll(null, SharedData.read(FEEDS + "onlinelibrary.wiley.com-feed-19968175-most-recent.xml"))
                .get(0);
        assertThat(wiley.ids().doi()).isEqualTo("10.1002/tax.12650");
        assertThat(wiley.journal().title()).isEqualTo("TAXON");
        assertThat(wiley.authors()).extracting(Paper.Author::family).containsExactly("Binks", "Heslewood", "Wilson",
                "Byrne");
        assertThat(wiley.abstractText()).startsWith("Leptospermum is an ecologically").doesNotContain("EarlyView");

        Paper tandf = parsers.parseAll(null, SharedData.read(FEEDS + "tandfonline.com-feed-rss-nnfe20.xml")).get(0);
        assertThat(tandf.journal().title()).isEqualTo("Studies on Neotropical Fauna and Environment");
        assertThat(tandf.journal().volume()).isEqualTo("56");
        assertThat(tandf.journal().pages()).isEqualTo("163-175");
        assertThat(tandf.abstractSections()).isEmpty();

        Paper zookeys = parsers.parseAll(null, SharedData.read(FEEDS + "zookeys.pensoft.net-rss.php.xml")).get(0);
        assertThat(zookeys.title()).isEqualTo("Checklist and keys to Deltocephalinae leafhoppers (Hemiptera,"
                + " Cicadellidae) from Pakistan");
        assertThat(zookeys.ids().doi()).isEqualTo("10.3897/zookeys.1078.47616");
        assertThat(zookeys.journal().title()).isEqualTo("ZooKeys");
        assertThat(zookeys.journal().volume()).isEqualTo("1078");
        assertThat(zookeys.journal().pages()).isEqualTo("135-188");
        assertThat(zookeys.authors()).hasSize(6);
        assertThat(zookeys.abstractText()).startsWith("Keys to all levels of the subfamily").doesNotContain("PDF");
        assertThat(zookeys.publicationTypes()).containsExactly("research-article");

        Paper sciencedirect = parsers
                .parseAll(null, SharedData.read(FEEDS + "rss.sciencedirect.com-publication-science-10557903.xml"))
                .get(0);
        assertThat(sciencedirect.journal().title()).isEqualTo("Molecular Phylogenetics and Evolution");
        assertThat(sciencedirect.journal().volume()).isEqualTo("167");
        assertThat(sciencedirect.dates().published()).isEqualTo("2022-02");
        assertThat(sciencedirect.authors()).extracting(Paper.Author::displayName).containsExactly("David R. Bickel");
    }

    @Test
    void everyRealFeedParsesWholly() throws Exception {
        Map<String, Integer> minimum = Map.of("academic.oup.com-rss-site_5579-3435.xml", 5,
                "cambridge.org-core-rss-product-id-2DD17A42E6E59026C256A7EBBDB96645.xml", 5,
                "contributions-to-entomology.org-gateway-plugin-WebFeedGatewayPlugin-atom.xml", 2,
                "microbiologyresearch.org-rss-content-journal-ijsem-latestarticles.xml", 5);
        for (var e : minimum.entrySet()) {
            List<Paper> items = parsers.parseAll(null, SharedData.read(FEEDS + e.getKey()));
            assertThat(items).as(e.getKey()).hasSizeGreaterThanOrEqualTo(e.getValue())
                    .allSatisfy(p -> assertThat(p.title()).isNotBlank().doesNotContain("<"));
        }
    }

    @Test
    void itemWithoutTitleFails() {
        assertThatThrownBy(
                () -> parsers.parse(ContentTypes.FEED_ITEM_XML, Fixtures.fixture("feed-item-no-title.xml")))
                .isInstanceOf(ParseException.class)
                .hasMessage("RSS/Atom item (https://example.org/article/1): missing title");
    }
}
