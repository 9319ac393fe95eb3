package org.evwatch.fetcher.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PubmedArticlesTest {

    static String resource(String name) throws IOException {
        try (InputStream in = PubmedArticlesTest.class.getResourceAsStream("/inbox/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void splitsEachArticleWithItsPmid() throws Exception {
        List<PubmedArticles.Article> articles = PubmedArticles.split(resource("two-articles.xml"));
        assertThat(articles).extracting(PubmedArticles.Article::pmid).containsExactly("99100001", "99100002");
        assertThat(articles.get(0).xml()).startsWith("<PubmedArticle>").endsWith("</PubmedArticle>")
                .contains("miR-21-5p").contains("microRNAs &amp; proteins").doesNotContain("99100002");
        assertThat(articles.get(1).xml()).contains("Large oncosomes");
        // exactly as received: each article is a piece of the file
        assertThat(resource("two-articles.xml")).contains(articles.get(0).xml()).contains(articles.get(1).xml());
    }

    @Test
    void anArticleCarriesThePmcidPubmedListsForItButNotTheOnesOfItsReferences() throws Exception {
        String own = "<PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation><PubmedData><ArticleIdList>"
                + "<ArticleId IdType=\"pubmed\">1</ArticleId><ArticleId IdType=\"pmc\"> PMC5442267 </ArticleId>"
                + "</ArticleIdList></PubmedData></PubmedArticle>";
        String cited = "<PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation><PubmedData><ArticleIdList>"
                + "<ArticleId IdType=\"pubmed\">2</ArticleId></ArticleIdList><ReferenceList><Reference>"
                + "<ArticleIdList><ArticleId IdType=\"pmc\">PMC1111111</ArticleId></ArticleIdList></Reference>"
                + "</ReferenceList></PubmedData></PubmedArticle>";

        List<PubmedArticles.Article> articles = PubmedArticles.split("<PubmedArticleSet>" + own + cited
                + "</PubmedArticleSet>");

        assertThat(articles).extracting(PubmedArticles.Article::pmcid).containsExactly("PMC5442267", null);
    }

    @Test
    void aBookChapterCarriesItsPmidInBookDocument() throws Exception {
        List<PubmedArticles.Article> articles = PubmedArticles.split("<PubmedArticleSet><PubmedBookArticle>"
                + "<BookDocument><PMID Version=\"1\">20301295</PMID></BookDocument></PubmedBookArticle>"
                + "</PubmedArticleSet>");

        assertThat(articles).extracting(PubmedArticles.Article::pmid).containsExactly("20301295");
    }

    @Test
    void anEmptySetHasNoArticles() throws Exception {
        assertThat(PubmedArticles.split("<PubmedArticleSet></PubmedArticleSet>")).isEmpty();
    }

    @Test
    void aFileDeclaringEntitiesIsRefused() {
        String xxe = "<!DOCTYPE PubmedArticleSet [ <!ENTITY s SYSTEM \"file:///etc/passwd\"> ]>"
                + "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>&s;</Article>"
                + "</MedlineCitation></PubmedArticle></PubmedArticleSet>";

        assertThatThrownBy(() -> PubmedArticles.split(xxe)).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("XML refused").hasMessageNotContaining("root:");
    }

    @Test
    void truncatedFileIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> PubmedArticles.split(resource("truncated.xml")))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("malformed XML at line");
    }

    @Test
    void otherXmlIsRejected() {
        assertThatThrownBy(() -> PubmedArticles.split("<rss><channel/></rss>"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("root element is <rss>");
    }

    @Test
    void articleWithoutPmidIsRejected() {
        assertThatThrownBy(() -> PubmedArticles
                .split("<PubmedArticleSet><PubmedArticle><MedlineCitation/></PubmedArticle></PubmedArticleSet>"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no MedlineCitation/PMID");
    }
}
