package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

/** The dispatcher: which reader a page gets, the generic reading, and the DOI fallback; and record sets. */
class TextCaptureParserTest {

    private final TextCaptureParser parser = new TextCaptureParser();

    @Test
    void theReaderIsPickedByWhatThePageShows() {
        assertThat(TextCaptureParser.readerFor(List.of("# Title", "Research output: x")))
                .isInstanceOf(SummaryPageReader.class);
        assertThat(TextCaptureParser.readerFor(List.of("Title", "Research output: x",
                "Submission received: 1 May 2020"))).isInstanceOf(ResearchPortalReader.class);
        assertThat(TextCaptureParser.readerFor(List.of("Title", "Submission received: 1 May 2020")))
                .isInstanceOf(PublisherPageReader.class);
        assertThat(TextCaptureParser.readerFor(List.of("Just a title"))).isInstanceOf(GenericTextReader.class);
    }

    @Test
    void anyOtherPageIsReadGenericallyWithALabelledDoi() throws Exception {
        String page = """
                ## **Vesicles in saliva**

                Preprint notice. doi: 10.5555/saliva.2022.7

                Abstract:
                Saliva carries vesicles.

                Introduction
                Not the abstract.
                """;

        Paper p = parser.parseAll(page).get(0);

        assertThat(p.title()).isEqualTo("Vesicles in saliva");
        assertThat(p.ids().doi()).isEqualTo("10.5555/saliva.2022.7");
        assertThat(p.abstractText()).isEqualTo("Saliva carries vesicles.");
    }

    @Test
    void aFailingRecordOfASetIsNamedAndASingleOneKeepsItsError() throws Exception {
        Records.Reader<String> reader = s -> {
            if (s.isEmpty()) {
                throw new ParseException("missing title");
            }
            return parser.parseAll(s).get(0);
        };
        assertThat(Records.each(List.of("A", "B"), "item", reader)).extracting(Paper::title).containsExactly("A",
                "B");
        assertThatThrownBy(() -> Records.each(List.of("A", ""), "item", reader)).hasMessage(
                "item 2 of 2: missing title");
        assertThatThrownBy(() -> Records.each(List.of(""), "item", reader)).hasMessage("missing title");
    }
}
