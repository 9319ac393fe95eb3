package org.evwatch.fetcher.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.evwatch.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XmlRecordsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "biorss_2021-12-21_pubmed.ncbi.nlm.nih.gov-rss-search-1rE397IRBYU0-ogsyRnEw9o91K808u0evolcHK9IDZ0PVH5cqD-.xml",
            "biorss_2021-12-21_tandfonline.com-feed-rss-nnfe20.xml",
            "biorss_2021-12-21_contributions-to-entomology.org-gateway-plugin-WebFeedGatewayPlugin-atom.xml",
            "biorss_2021-12-21_rss.sciencedirect.com-publication-science-10557903.xml",
            "biorss_2021-12-21_onlinelibrary.wiley.com-feed-19968175-most-recent.xml",
            "biorss_2021-12-21_cambridge.org-core-rss-product-id-2DD17A42E6E59026C256A7EBBDB96645.xml",
            "biorss_2021-12-21_academic.oup.com-rss-site_5579-3435.xml",
            "biorss_2021-12-21_microbiologyresearch.org-rss-content-journal-ijsem-latestarticles.xml",
            "biorss_2021-12-21_zookeys.pensoft.net-rss.php.xml"})
    void splitsEveryRealFeedIntoItemsThatParseOnTheirOwn(String feed) throws Exception {
        String xml = SharedData.apiSampleText("rss-atom/" + feed);
        Document whole = XmlDocuments.parse(xml);
        NodeList expected = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='item' or local-name()='entry']", whole, XPathConstants.NODESET);

        List<String> items = XmlRecords.split(xml, Set.of("item", "entry"));

        assertThat(items).hasSize(expected.getLength()).isNotEmpty();
        for (int i = 0; i < items.size(); i++) {
            Element alone = XmlDocuments.parse(items.get(i)).getDocumentElement();
            Element inFeed = (Element) expected.item(i);
            assertThat(alone.getNamespaceURI()).isEqualTo(inFeed.getNamespaceURI());
            assertThat(alone.getTextContent()).isEqualTo(inFeed.getTextContent());
        }
    }

    @Test
    void keepsEachPubmedArticleExactlyAsReceived() throws Exception {
        String xml = SharedData.apiSampleText("pubmed-eutils/biopython_pubmed1.xml");

        List<String> articles = XmlRecords.split(xml, Set.of("PubmedArticle", "PubmedBookArticle"));

        List<String> pmids = new ArrayList<>();
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                "/PubmedArticleSet/PubmedArticle/MedlineCitation/PMID", XmlDocuments.parse(xml),
                XPathConstants.NODESET);
        for (int i = 0; i < nodes.getLength(); i++) {
            pmids.add(nodes.item(i).getTextContent());
        }
        assertThat(articles).hasSize(pmids.size());
        for (int i = 0; i < articles.size(); i++) {
            assertThat(xml).contains(articles.get(i));
            assertThat(articles.get(i)).contains("<PMID Version=\"1\">" + pmids.get(i) + "</PMID>");
        }
    }

    @Test
    void rejectsATruncatedDocument() {
        String xml = SharedData.apiSampleText("pubmed-eutils/biopython_pubmed1.xml");

        assertThatThrownBy(() -> XmlRecords.split(xml.substring(0, xml.length() - 40), Set.of("PubmedArticle")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("malformed XML at line");
    }

    @Test
    void ignoresElementNamesInsideCdataAndComments() throws Exception {
        String xml = "<rss><channel><!-- <item>not one</item> --><item><description><![CDATA[<item>x</item>]]>"
                + "</description></item><items/></channel></rss>";

        assertThat(XmlRecords.split(xml, Set.of("item")))
                .containsExactly("<item><description><![CDATA[<item>x</item>]]></description></item>");
    }
}
