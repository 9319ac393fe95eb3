package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.evwatch.events.Paper;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Research-portal pages written here: other papers, field orders, missing fields and widgets than the seeds'. */
class ResearchPortalReaderTest {

    private static final String[] TITLES = {"Milk-derived vesicles cross the intestinal barrier",
            "Neuronal exosomes in Parkinson's disease: a cohort study", "Isolation of vesicles by size exclusion"};
    private static final String[] JOURNALS = {"Journal of Dairy Science", "Movement Disorders",
            "Analytical Chemistry"};
    private static final String[] BREADCRUMBS = {"Contribution to journalArticleResearchpeer-review",
            "Contribution to journalReview ArticleResearchpeer-review",
            "Contribution to journalLiterature reviewpeer-review"};
    private static final String[] TYPES = {"research-article", "review", "review"};

    private final TextCaptureParser parser = new TextCaptureParser();

    @RepeatedTest(6)
    void generatedPortalPagesAreReadFieldByField(RepetitionInfo info) throws Exception {
        Random random = new Random(100 + info.getCurrentRepetition());
        int i = random.nextInt(3);
        int volume = 10 + random.nextInt(90);
        int issue = 1 + random.nextInt(12);
        int first = 100 + random.nextInt(800);
        List<String> fields = new ArrayList<>(List.of("Original languageEnglish", "Pages (from-to)" + first + "-"
                + (first + 9), "Number of pages10", "Journal" + JOURNALS[i], "Volume" + volume,
                "Issue number" + issue, "Publication statusPublished - Mar 3 2019",
                "DOIshttps://doi.org/10.3168/jds." + volume + "-" + first, "PublisherElsevier B.V.",
                "ISSN(Print) 0022-0302"));
        Collections.shuffle(fields, random);
        boolean withAuthors = random.nextBoolean();
        StringBuilder page = new StringBuilder(TITLES[i]).append("\n\n");
        if (withAuthors) {
            page.append("Ana de la Cruz, Kwame Mensah\n\n");
        }
        page.append("Research output: ").append(BREADCRUMBS[i]).append("\n\n");
        page.append(random.nextInt(500)).append(" Citations (Scopus)\n\n\n");
        page.append("The first abstract paragraph.\n\nThe second one, after a blank line.\n\n");
        page.append(String.join("\n", fields)).append("\n\n");
        page.append("  • milk\n  • intestinal absorption\n\n");
        page.append("ASJC Scopus subject areas\n\n  • Food Science\n  • Genetics\n\n");
        page.append("Dive into the research topics of '").append(TITLES[i]).append("'.\n\nCite this\n");

        Paper p = parser.parseAll(page.toString()).get(0);

        assertThat(p.title()).isEqualTo(TITLES[i]);
        assertThat(p.authors()).extracting(Paper.Author::family)
                .containsExactlyElementsOf(withAuthors ? List.of("de la Cruz", "Mensah") : List.of());
        assertThat(p.publicationTypes()).containsExactly(TYPES[i]);
        assertThat(p.journal().title()).isEqualTo(JOURNALS[i]);
        assertThat(p.journal().volume()).isEqualTo(String.valueOf(volume));
        assertThat(p.journal().issue()).isEqualTo(String.valueOf(issue));
        assertThat(p.journal().pages()).isEqualTo(first + "-" + (first + 9));
        assertThat(p.journal().issn()).isEqualTo("0022-0302");
        assertThat(p.ids().doi()).isEqualTo("10.3168/jds." + volume + "-" + first);
        assertThat(p.dates().published()).isEqualTo("2019-03-03");
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::text)
                .containsExactly("The first abstract paragraph.", "The second one, after a blank line.");
        assertThat(p.keywords()).containsExactly("milk", "intestinal absorption");
    }

    @Test
    void abstractParagraphsThatStartWithALabelWordStayInTheAbstract() throws Exception {
        String page = """
                Sorting vesicles one by one

                Research output: Contribution to journal › Article › peer-review

                State-of-the-art flow cytometers miss vesicles under 100 nm.

                Journal clubs rarely discuss it.

                Volume of distribution was not measured.

                JournalCytometry Part A
                StatePublished - 3 Mar 2021
                """;

        Paper p = parser.parseAll(page).get(0);

        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::text).containsExactly(
                "State-of-the-art flow cytometers miss vesicles under 100 nm.", "Journal clubs rarely discuss it.",
                "Volume of distribution was not measured.");
        assertThat(p.journal().title()).isEqualTo("Cytometry Part A");
        assertThat(p.dates().published()).isEqualTo("2021-03-03");
        assertThat(p.publicationTypes()).containsExactly("research-article");
    }

    @Test
    void anAcceptedPaperDatesAcceptanceAndAnEditorialIsTyped() throws Exception {
        String page = """
                Why vesicle nomenclature matters

                Research output: Contribution to journalEditorialpeer-review

                Article number e12345
                JournalJournal of Extracellular Vesicles
                Publication statusAccepted/In press - 2 Feb 2024
                Early online date5 Jan 2024
                """;

        Paper p = parser.parseAll(page).get(0);

        assertThat(p.title()).isEqualTo("Why vesicle nomenclature matters");
        assertThat(p.publicationTypes()).containsExactly("editorial");
        assertThat(p.journal().title()).isEqualTo("Journal of Extracellular Vesicles");
        assertThat(p.journal().articleNumber()).isEqualTo("e12345");
        assertThat(p.dates().accepted()).isEqualTo("2024-02-02");
        assertThat(p.dates().published()).isNull();
        assertThat(p.dates().epub()).isEqualTo("2024-01-05");
        assertThat(p.abstractSections()).isEmpty();
        assertThat(p.keywords()).isEmpty();
    }
}
