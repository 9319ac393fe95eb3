package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Markdown summary pages written here, with titles, authors, ids, sections and noise the seeds do not have. */
class SummaryPageReaderTest {

    private static final String[] TITLES = {"Plasma exosomes predict relapse in *acute* myeloid leukaemia",
            "Urinary vesicles as a window on the kidney", "A `CD63` reporter for tracking vesicle uptake in vivo"};
    private static final String[] CLEAN_TITLES = {"Plasma exosomes predict relapse in acute myeloid leukaemia",
            "Urinary vesicles as a window on the kidney", "A CD63 reporter for tracking vesicle uptake in vivo"};
    private static final String[][] AUTHORS = {{"Ingrid Holm", "Holm", "Ingrid"}, {"Kwame Mensah", "Mensah", "Kwame"},
            {"Lucía de la Cruz", "de la Cruz", "Lucía"}};
    private static final String[] JOURNALS = {"Journal of Extracellular Vesicles", "Kidney International",
            "Nature Communications"};
    private static final String[] DOIS = {"10.1002/jev2.70011", "10.1016/j.kint.2024.03.017",
            "10.1038/s41467-025-01234-x"};
    private static final String[] DATES = {"2024-11-30", "2023-02", "2025-07-04"};

    private final TextCaptureParser parser = new TextCaptureParser();

    @RepeatedTest(6)
    void generatedSummaryPagesAreReadFieldByField(RepetitionInfo info) throws Exception {
        Random random = new Random(info.getCurrentRepetition());
        int i = random.nextInt(3);
        int pmc = 9_000_000 + random.nextInt(1_000_000);
        List<String> sections = new ArrayList<>(List.of("## TL;DR\n\nA short claim the summary makes.\n",
                "## Key findings\n\n- First finding of the summary.\n- Second finding.\n",
                "## Linked entities\n\n- **Diseases:** leukaemia (MONDO:0005059)\n",
                "## Abstract\n\nFirst paragraph of the abstract.\nIt goes on over a second line.\n\n"
                        + "Second paragraph with **bold** and a [link](https://example.org).\n"));
        Collections.shuffle(sections, random);
        StringBuilder page = new StringBuilder();
        if (random.nextBoolean()) {
            page.append("\n\n");
        }
        page.append("# ").append(TITLES[i]).append("\n\n");
        page.append("**Authors:** ").append(AUTHORS[i][0]).append(", ").append(AUTHORS[(i + 1) % 3][0])
                .append("\n\n");
        page.append("PMC · DOI: ").append(DOIS[i]).append(" · ").append(JOURNALS[i]).append(" · ").append(DATES[i])
                .append("\n\n");
        if (random.nextBoolean()) {
            page.append("_Summary generated from the open-access version._\n\n");
        }
        sections.forEach(s -> page.append(s).append('\n'));
        page.append("---\nSource: https://summaries.example.org/paper/PMC").append(pmc).append('\n');

        Paper p = parser.parseAll(page.toString()).get(0);

        assertThat(p.title()).isEqualTo(CLEAN_TITLES[i]);
        assertThat(p.authors()).extracting(Paper.Author::family).containsExactly(AUTHORS[i][1],
                AUTHORS[(i + 1) % 3][1]);
        assertThat(p.authors()).extracting(Paper.Author::given).containsExactly(AUTHORS[i][2],
                AUTHORS[(i + 1) % 3][2]);
        assertThat(p.ids().doi()).isEqualTo(DOIS[i]);
        assertThat(p.ids().pmcid()).isEqualTo("PMC" + pmc);
        assertThat(p.journal().title()).isEqualTo(JOURNALS[i]);
        assertThat(p.dates().published()).isEqualTo(DATES[i]);
        assertThat(p.url()).isEqualTo("https://summaries.example.org/paper/PMC" + pmc);
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::text).containsExactly(
                "First paragraph of the abstract. It goes on over a second line.",
                "Second paragraph with bold and a link.");
    }

    @Test
    void boldFieldsReplaceTheSummaryLineAndMissingOnesStayEmpty() throws Exception {
        String page = """
                # Vesicle proteomics of cerebrospinal fluid

                **Author:** Tomasz Nowak
                **Journal:** Brain Communications
                **Published:** 12 March 2021
                **PMID:** 33791234
                **Extra:** ignored

                ## Abstract

                CSF vesicles were profiled.
                """;

        Paper p = parser.parseAll(page).get(0);

        assertThat(p.title()).isEqualTo("Vesicle proteomics of cerebrospinal fluid");
        assertThat(p.authors()).extracting(Paper.Author::displayName).containsExactly("Tomasz Nowak");
        assertThat(p.journal().title()).isEqualTo("Brain Communications");
        assertThat(p.dates().published()).isEqualTo("2021-03-12");
        assertThat(p.ids().pmid()).isEqualTo("33791234");
        assertThat(p.ids().doi()).isNull();
        assertThat(p.ids().pmcid()).isNull();
        assertThat(p.url()).isNull();
        assertThat(p.abstractText()).isEqualTo("CSF vesicles were profiled.");
    }

    @Test
    void recognisedByItsLeadingHeadingOnly() {
        SummaryPageReader reader = new SummaryPageReader();
        assertThat(reader.recognises(List.of("", "# A title", "text"))).isTrue();
        assertThat(reader.recognises(List.of("A title", "# Not first"))).isFalse();
        assertThat(TextCaptureParser.readerFor(List.of("", "# A title"))).isInstanceOf(SummaryPageReader.class);
        assertThat(ContentTypes.MARKDOWN).isIn(parser.contentTypes());
    }
}
