package org.evwatch.common.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

class SafeXmlTest {

    private static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <lolz>&lol9;</lolz>
            """;

    @Test
    void readsAPlainDocumentAndIgnoresAByteOrderMark() throws Exception {
        Document d = SafeXml.parse("\uFEFF<a xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:b>x &amp; y</dc:b></a>");

        assertThat(d.getDocumentElement().getTextContent()).isEqualTo("x & y");
        assertThat(d.getDocumentElement().getFirstChild().getLocalName()).isEqualTo("b");
    }

    @Test
    void acceptsADoctypeThatOnlyNamesItsDtdWithoutReadingIt() throws Exception {
        // A PubMed efetch file: the DTD is on the network and must never be fetched.
        String pubmed = """
                <?xml version="1.0" ?>
                <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" \
                "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
                <PubmedArticleSet><PubmedArticle/></PubmedArticleSet>
                """;

        assertThat(SafeXml.parse(pubmed).getDocumentElement().getTagName()).isEqualTo("PubmedArticleSet");
    }

    @Test
    void refusesAnExternalEntityReadingALocalFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [ <!ENTITY s SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<a>&s;</a>";

        assertThatThrownBy(() -> SafeXml.parse(xxe))
                .isInstanceOf(XmlRefusedException.class)
                .hasMessageContaining("XML refused")
                .hasMessageContaining("internal subset")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesAnExternalDtdReference(@TempDir Path dir) throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY s \"TOP-SECRET\">");
        String xml = "<!DOCTYPE a [ <!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p; ]>\n<a>&s;</a>";

        assertThatThrownBy(() -> SafeXml.parse(xml)).isInstanceOf(SAXException.class)
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesABillionLaughsWithAClearError() {
        // Refused for its internal subset, or by the expansion cap should the parser expand before finishing.
        assertThatThrownBy(() -> SafeXml.parse(BILLION_LAUGHS))
                .isInstanceOf(SAXException.class)
                .hasMessageMatching("(?s).*(XML refused: the DOCTYPE declares an internal subset|entity expansions).*");
    }

    @Test
    void capsEntityExpansionEvenWhenExpandingEagerly() throws Exception {
        // Eager expansion happens through an entity used in an attribute value; the cap stops it early.
        String laughs = BILLION_LAUGHS.replace("<lolz>&lol9;</lolz>", "<lolz a=\"&lol9;\"/>");

        assertThatThrownBy(() -> SafeXml.parse(laughs)).isInstanceOf(SAXException.class)
                .hasMessageContaining("entity expansions")
                .isInstanceOf(XmlRefusedException.class).hasMessageStartingWith("XML refused: ")
                .hasMessageContaining("billion laughs");
    }

    @Test
    void refusesAHarmlessLookingInternalSubsetToo() {
        assertThatThrownBy(() -> SafeXml.parse("<!DOCTYPE a [ <!ELEMENT a (#PCDATA)> ]><a>x</a>"))
                .isInstanceOf(XmlRefusedException.class);
    }

    @Test
    void reportsMalformedXmlWithItsPosition() {
        assertThatThrownBy(() -> SafeXml.parse("<a>\n<b></a>"))
                .isInstanceOfSatisfying(org.xml.sax.SAXParseException.class,
                        e -> assertThat(e.getLineNumber()).isEqualTo(2));
    }

    @Test
    void aBuilderCanBeReusedAfterAFailure() throws Exception {
        DocumentBuilder builder = SafeXml.newDocumentBuilder();
        assertThatThrownBy(() -> SafeXml.parse(builder, "<a>")).isInstanceOf(SAXException.class);

        assertThat(SafeXml.parse(builder, "<b/>").getDocumentElement().getTagName()).isEqualTo("b");
    }

    @Test
    void manyPredefinedEntitiesAndCharacterReferencesAreNotExpansions() throws Exception {
        String text = "&amp;&lt;&#233;".repeat(500);

        assertThat(SafeXml.parse("<a>" + text + "</a>").getDocumentElement().getTextContent()).hasSize(1500);
    }
}
