package org.evwatch.fetcher.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PubmedArticleSplitterTest {

    static String resource(String name) throws IOException {
        try (InputStream in = PubmedArticleSplitterTest.class.getResourceAsStream("/inbox/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void splitsEachArticleWithItsPmid() throws Exception {
        List<PubmedArticleSplitter.Article> articles = PubmedArticleSplitter.split(resource("two-articles.xml"));
        assertThat(articles).extracting(PubmedArticleSplitter.Article::pmid).containsExactly("99100001", "99100002");
        assertThat(articles.get(0).xml()).startsWith("<PubmedArticle>").endsWith("</PubmedArticle>")
                .contains("miR-21-5p").contains("microRNAs &amp; proteins").doesNotContain("99100002");
        assertThat(articles.get(1).xml()).contains("Large oncosomes");
    }

    @Test
    void truncatedFileIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> PubmedArticleSplitter.split(resource("truncated.xml")))
                .isInstanceOf(InvalidInboxFileException.class).hasMessageContaining("malformed XML at line");
    }

    @Test
    void otherXmlIsRejected() {
        assertThatThrownBy(() -> PubmedArticleSplitter.split("<rss><channel/></rss>"))
                .isInstanceOf(InvalidInboxFileException.class).hasMessageContaining("root element is <rss>");
    }

    @Test
    void articleWithoutPmidIsRejected() {
        assertThatThrownBy(() -> PubmedArticleSplitter
                .split("<PubmedArticleSet><PubmedArticle><MedlineCitation/></PubmedArticle></PubmedArticleSet>"))
                .isInstanceOf(InvalidInboxFileException.class).hasMessageContaining("no MedlineCitation/PMID");
    }
}
