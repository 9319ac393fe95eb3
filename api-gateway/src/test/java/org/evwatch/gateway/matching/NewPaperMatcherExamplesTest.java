package org.evwatch.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.examples.Example;
import org.evwatch.gateway.examples.ExampleSet;
import org.evwatch.gateway.examples.ExampleSetTest;
import org.evwatch.gateway.subscriptions.Subscriptions;
import org.evwatch.gateway.testsupport.Papers;
import org.evwatch.query.SimilarityModel;
import org.junit.jupiter.api.Test;

/** Subscriptions by example papers beside saved queries, as new papers are matched. */
class NewPaperMatcherExamplesTest {

    /** 1,000 papers; each word of the fixtures in 10 of them, "in" and "of" in 900, each entity in 20. */
    private static final SimilarityModel.Rarity RARITY = SimilarityModel.Rarity.of(1000,
            term -> term.equals("in") || term.equals("of") ? 900 : 10, entity -> 20);

    private static Subscriptions.Active subscription(String q, PaperIndexed example, double threshold)
            throws Exception {
        UUID id = UUID.randomUUID();
        ExampleSet examples = example == null
                ? null
                : new ExampleSet(List.of(new Example(example.paperId(), 1, false,
                        ExampleSetTest.stored(example.paperId(), ExampleSet.profile(example), RARITY))), threshold);
        return new Subscriptions.Active(id, q, null, null,
                Percolator.Compiled.of(id.toString(), q, SearchFilters.NONE), examples);
    }

    private static PaperIndexed unrelated() {
        PaperIndexed base = Papers.fresh("exosome-pdac", null);
        Paper p = base.paper();
        Paper paper = new Paper(p.ids(), "Healing of tibial shaft fractures",
                List.of(new Paper.AbstractSection(null, "Union of fractures in a cohort of elderly adults.")),
                p.authors(), p.journal(), p.dates(), p.publicationTypes(), List.of(), List.of(), p.license(),
                p.language(), p.url(), List.of());
        return new PaperIndexed(base.schemaVersion(), base.paperId(), base.change(), base.version(),
                Instant.now(), paper, List.of(), base.summary(), base.sources());
    }

    @Test
    void examplesMatchLikePapersOnlyAndTheirQueryNarrowsThem() throws Exception {
        PaperIndexed example = Papers.fresh("exosome-pdac", null);
        Subscriptions.Active byExamples = subscription("", example, 1.0);
        Subscriptions.Active narrowed = subscription("glioblastoma", example, 1.0);
        Subscriptions.Active strict = subscription("", example, 1e6);
        Subscriptions.Active everything = subscription("", null, 0);
        List<Subscriptions.Active> all = List.of(byExamples, narrowed, strict, everything);
        NewPaperMatcher matcher = new NewPaperMatcher();

        PaperIndexed like = Papers.fresh("exosome-pdac", "Serum glypican-1 exosomes in pancreatic cancer");
        assertThat(List.copyOf(matcher.match(like, all, List.of()).subscriptions()))
                .containsExactlyInAnyOrder(byExamples, everything);
        assertThat(List.copyOf(matcher.match(unrelated(), all, List.of()).subscriptions()))
                .as("an example subscription without a query does not match every paper")
                .containsExactly(everything);
    }
}
