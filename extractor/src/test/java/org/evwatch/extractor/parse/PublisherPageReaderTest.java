package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.evwatch.events.Paper;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Publisher article pages written here, with other journals, ids, histories and navigation than the seed's. */
class PublisherPageReaderTest {

    private static final String[] TITLES = {"Exosomal microRNAs in Gastric Cancer Metastasis",
            "Engineered Vesicles for Cardiac Repair", "Lipid Composition of Bacterial Membrane Vesicles"};
    private static final String[] JOURNALS = {"Int. J. Mol. Sci.", "Pharmaceutics", "Microorganisms"};
    private static final String[] TYPES = {"Article", "Review", "Communication"};
    private static final String[] EXPECTED_TYPES = {"research-article", "review", "communication"};

    private final TextCaptureParser parser = new TextCaptureParser();

    @RepeatedTest(6)
    void generatedPublisherPagesAreReadFieldByField(RepetitionInfo info) throws Exception {
        Random random = new Random(200 + info.getCurrentRepetition());
        int i = random.nextInt(3);
        int volume = 1 + random.nextInt(30);
        int issue = 1 + random.nextInt(24);
        int number = 1000 + random.nextInt(9000);
        int year = 2018 + random.nextInt(8);
        String doi = "10.3390/x" + year + volume + number;
        boolean noise = random.nextBoolean();
        StringBuilder page = new StringBuilder();
        page.append("Next Article in Journal\nSome Neighbouring Article About Something Else\n");
        page.append("Previous Article in Journal\nAnother Neighbour\n\n");
        if (noise) {
            page.append("Font Type:\nArial Georgia Verdana\nLine Spacing:\n");
        }
        page.append(TYPES[i]).append("\n\n").append(TITLES[i]).append("\n\n");
        page.append("Department of Biology, Some University, 12345 City, Country\n");
        page.append(JOURNALS[i]).append(' ').append(year).append(", ").append(volume).append('(').append(issue)
                .append("), ").append(number).append("; https://doi.org/").append(doi).append('\n');
        page.append("Submission received: 2 January ").append(year).append(" / Revised: 1 February ").append(year)
                .append(" / Accepted: 14 February ").append(year).append(" / Published: 20 February ")
                .append(year).append("\n\n");
        page.append("Abstract\n\nVesicles were studied here.\nAcross two lines.\n\nA second paragraph.\n");
        page.append("Keywords: vesicles; ").append(JOURNALS[i].toLowerCase()).append("; lipids\n\n");
        page.append("1. Introduction\n\nNot the abstract.\n\nShare and Cite\n\nChicago/Turabian Style\n\n");
        page.append("Okafor, Chidi N., Mei Tanaka, and Ana de la Cruz. ").append(year).append(". \"")
                .append(TITLES[i]).append("\" ").append(JOURNALS[i]).append(' ').append(volume).append(", no. ")
                .append(issue).append(": ").append(number).append(". https://doi.org/").append(doi).append('\n');

        Paper p = parser.parseAll(page.toString()).get(0);

        assertThat(p.title()).isEqualTo(TITLES[i]);
        assertThat(p.publicationTypes()).containsExactly(EXPECTED_TYPES[i]);
        assertThat(p.ids().doi()).isEqualTo(doi);
        assertThat(p.journal().title()).isEqualTo(JOURNALS[i]);
        assertThat(p.journal().volume()).isEqualTo(String.valueOf(volume));
        assertThat(p.journal().issue()).isEqualTo(String.valueOf(issue));
        assertThat(p.journal().articleNumber()).isEqualTo(String.valueOf(number));
        assertThat(p.dates().received()).isEqualTo(year + "-01-02");
        assertThat(p.dates().accepted()).isEqualTo(year + "-02-14");
        assertThat(p.dates().published()).isEqualTo(year + "-02-20");
        assertThat(p.authors()).extracting(Paper.Author::displayName).containsExactly("Chidi N. Okafor",
                "Mei Tanaka", "Ana de la Cruz");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::text)
                .containsExactly("Vesicles were studied here. Across two lines.", "A second paragraph.");
        assertThat(p.keywords()).containsExactly("vesicles", JOURNALS[i].toLowerCase(), "lipids");
    }

    @Test
    void aHistoryLineAloneMarksThePageAndTheChicagoStyleGivesTitleAndAuthors() throws Exception {
        String page = """
                Short Communication Without a Citation Line

                Submission received: 5 May 2020 / Accepted: 9 June 2020 / Published online: 1 July 2020

                Abstract
                The only paragraph.
                Keywords: one; two one; two

                Chicago/Turabian Style

                Berg, Anna. 2020. "A Note on Vesicle Counting." Vesicles 3, no. 2: e17.
                """;

        Paper p = parser.parseAll(page).get(0);

        assertThat(TextCaptureParser.readerFor(TextLines.of(page))).isInstanceOf(PublisherPageReader.class);
        assertThat(p.title()).isEqualTo("A Note on Vesicle Counting");
        assertThat(p.ids().doi()).isNull();
        assertThat(p.journal().title()).isNull();
        assertThat(p.publicationTypes()).isEmpty();
        assertThat(p.authors()).extracting(Paper.Author::displayName).containsExactly("Anna Berg");
        assertThat(p.dates().received()).isEqualTo("2020-05-05");
        assertThat(p.dates().accepted()).isEqualTo("2020-06-09");
        assertThat(p.dates().published()).isEqualTo("2020-07-01");
        assertThat(p.abstractText()).isEqualTo("The only paragraph.");
        assertThat(p.keywords()).containsExactly("one", "two");
        // without a title from any source the page is no paper
        assertThatThrownBy(() -> parser.parseAll(page.replaceAll("(?s)Chicago.*", "")))
                .isInstanceOf(ParseException.class).hasMessageContaining("missing title");
    }
}
