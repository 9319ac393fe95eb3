package org.evwatch.extractor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.evwatch.events.Summary;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The summary evaluation: its scores per page, worked out by hand, and a run over the seed pages. */
class SummaryEvaluationTest {

    static final Summary.Relevance ANY = new Summary.Relevance(Summary.Relevance.Label.RELEVANT, 1);

    @Test
    void aPageIsScoredOnItsTldrItsJoinedFindingsAndTheBestMatchPerFinding() {
        Summary.FromSource reference = new Summary.FromSource("exosomes promote metastasis", null,
                List.of("exosomes carry PD-L1", "plasma EVs predict response"));
        Summary written = new Summary("tumour exosomes promote lung metastasis",
                List.of("exosomes carry PD-L1", "nothing in common here"), ANY);
        SummaryEvaluation.Row r = SummaryEvaluation.row("page", reference, written);
        // TL;DR: LCS 3 of 5 written and 3 reference words: P 0.6, R 1, F1 0.75.
        assertThat(r.tldr().f1()).isCloseTo(0.75, within(1e-9));
        // Joined: 8 written words, 8 reference words, LCS "exosomes carry pd l1" = 4: P = R = F1 = 0.5.
        assertThat(r.findings().f1()).isCloseTo(0.5, within(1e-9));
        // Best match: 1.0 for the first reference finding, 0 for the second.
        assertThat(r.bestMatch()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aPageWithoutItsOwnSummaryIsListedButNotScored() {
        Summary written = new Summary("exosomes promote metastasis", List.of(), ANY);
        assertThat(SummaryEvaluation.row("page", null, written).scored()).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryEvaluation.print(List.of(SummaryEvaluation.row("page", null, written)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("written TL;DR:   exosomes promote metastasis",
                "not scored", "scored pages: 0 of 1");
    }

    @Test
    void theSeedPagesWithASummaryOfTheirOwnAreScored() throws Exception {
        var pages = SummaryEvaluation.files(SharedData.file("seeds"));
        List<SummaryEvaluation.Row> rows = SummaryEvaluation.score(pages, EntityRecognizer.load(Optional.empty()));
        assertThat(rows).hasSameSizeAs(pages).filteredOn(SummaryEvaluation.Row::scored)
                .extracting(SummaryEvaluation.Row::page).containsExactly("002_d6eaca9d8982dbe7.txt",
                        "004_11621dd7bd2c4da7.txt");
        assertThat(rows).allSatisfy(r -> assertThat(r.written().tldr()).isNotBlank());
    }
}
