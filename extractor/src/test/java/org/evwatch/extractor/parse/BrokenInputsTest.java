package org.evwatch.extractor.parse;

import org.evwatch.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.evwatch.events.ContentTypes;
import org.junit.jupiter.api.Test;

/** Records that must be rejected, each with a message that tells an operator what is wrong. */
class BrokenInputsTest {

    private final Parsers parsers = Parsers.standard();

    @Test
    void latin1BytesDecodedAsUtf8UpstreamAreRejectedWithTheLine() throws Exception {
        byte[] latin1 = Fixtures.fixture("pubmed-orcid-collective.xml").replace("Extracellular vesicles in cancer.",
                "Ves\u00edculas extracelulares en el c\u00e1ncer.").getBytes(StandardCharsets.ISO_8859_1);
        String misdecoded = new String(latin1, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parsers.parse(ContentTypes.PUBMED_XML, misdecoded))
                .isInstanceOf(ParseException.class)
                .hasMessage("payload is not valid text in its declared encoding: replacement character U+FFFD at line"
                        + " 16 (bytes were decoded with the wrong charset)");
    }

    @Test
    void binaryGarbageIsNotText() {
        assertThatThrownBy(() -> parsers.parse(null, "\u001f\u008b\b\u0000\u0000binary"))
                .isInstanceOf(ParseException.class)
                .hasMessage("payload is not text: control character U+001F at line 1");
    }

    @Test
    void emptyPayloadsAreRejected() {
        assertThatThrownBy(() -> parsers.parse(ContentTypes.CROSSREF_JSON, "  \n "))
                .isInstanceOf(ParseException.class).hasMessage("empty payload");
        assertThatThrownBy(() -> parsers.parse(ContentTypes.CROSSREF_JSON, null))
                .isInstanceOf(ParseException.class).hasMessage("empty payload");
    }

    @Test
    void malformedJsonNamesFormatAndPosition() {
        assertThatThrownBy(() -> parsers.parse(ContentTypes.CROSSREF_JSON, "{\"message\": {\"DOI\": \"10.1/x\",}"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Crossref JSON: malformed JSON at line 1, column 30");
        assertThatThrownBy(() -> parsers.parse(ContentTypes.BIORXIV_JSON, "\"just a string\""))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("bioRxiv JSON: expected an object");
    }

    @Test
    void xmlNoParserReadsIsUnsupportedContent() {
        String esearch = SharedData.read("data/api-samples/pubmed-eutils/biopython_esearch1.xml");
        assertThatThrownBy(() -> parsers.parse(null, esearch))
                .isInstanceOf(ParseException.class)
                .hasMessage("unsupported content: declared no type, content looks like application/xml which no"
                        + " parser reads");
        assertThatThrownBy(() -> parsers.parse("application/octet-stream", "{\"hello\": 1}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("declared 'application/octet-stream', content looks like application/json");
    }

    @Test
    void wrongDeclaredTypeFailsInTheDeclaredFormat() {
        assertThatThrownBy(() -> parsers.parse(ContentTypes.EUROPEPMC_JSON, Fixtures.fixture("feed-item-rss2.xml")))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Europe PMC JSON: malformed JSON at line 1");
    }

    @Test
    void contentTypeParametersAndCaseAreIgnored() throws Exception {
        assertThat(parsers.resolveType("Application/JATS+XML; charset=UTF-8", "<x/>")).isEqualTo(ContentTypes.JATS_XML);
        assertThat(parsers.parse("text/html; charset=utf-8", Fixtures.fixture("html-dublin-core.html")).title())
                .isEqualTo("Urinary exosomes as a source of bladder cancer biomarkers");
    }

    @Test
    void sniffingRecognisesEachFormat() throws Exception {
        assertThat(parsers.resolveType(null, Fixtures.fixture("pubmed-orcid-collective.xml")))
                .isEqualTo(ContentTypes.PUBMED_XML);
        assertThat(parsers.resolveType(null, Fixtures.fixture("jats-review-orcid.xml")))
                .isEqualTo(ContentTypes.JATS_XML);
        assertThat(parsers.resolveType(null, Fixtures.fixture("feed-item-rss1.xml")))
                .isEqualTo(ContentTypes.FEED_ITEM_XML);
        assertThat(parsers.resolveType(null, Fixtures.fixture("feed-entry-atom.xml")))
                .isEqualTo(ContentTypes.FEED_ITEM_XML);
        assertThat(parsers.resolveType(null, Fixtures.fixture("html-no-title.html"))).isEqualTo(ContentTypes.HTML);
        assertThat(parsers.resolveType(null, Fixtures.fixture("biorxiv-details.json")))
                .isEqualTo(ContentTypes.BIORXIV_JSON);
        assertThat(parsers.resolveType(null, Fixtures.fixture("medrxiv-item.json")))
                .isEqualTo(ContentTypes.BIORXIV_JSON);
        assertThat(parsers.resolveType(null,
                SharedData.read("data/api-samples/crossref/habanero_works_10.3892_ijo_00000353.json")))
                .isEqualTo(ContentTypes.CROSSREF_JSON);
        assertThat(parsers.resolveType(null,
                SharedData.read("data/api-samples/europepmc/pyEuropePMC_search_cancer_core.json")))
                .isEqualTo(ContentTypes.EUROPEPMC_JSON);
        assertThat(parsers.resolveType(null, Fixtures.fixture("markdown-generic.md")))
                .isEqualTo(ContentTypes.MARKDOWN);
        assertThat(parsers.resolveType(null, SharedData.read("seeds/000_e331f0cecf3a2ff5.txt")))
                .isEqualTo(ContentTypes.TEXT);
    }
}
