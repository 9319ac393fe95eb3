package org.evwatch.indexer.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Summary;
import org.junit.jupiter.api.Test;

class PaperMergerTest {

    private final PaperExtracted pubmed = Fixtures.record("pubmed");
    private final PaperExtracted crossref = Fixtures.record("crossref");
    private final PaperExtracted europepmc = Fixtures.record("europepmc");
    private final PaperExtracted preprint = Fixtures.record("biorxiv-preprint");
    private final PaperExtracted feed = Fixtures.record("feed-no-ids");

    @Test
    void samePaperFromThreeSourcesMergesIdenticallyInEveryOrder() {
        List<List<PaperExtracted>> orders = permutations(List.of(pubmed, crossref, europepmc));
        assertThat(orders).hasSize(6);
        MergedPaper first = PaperMerger.merge(orders.get(0));
        for (List<PaperExtracted> order : orders) {
            assertThat(PaperMerger.group(order)).as("one paper").hasSize(1);
            assertThat(PaperMerger.merge(order)).isEqualTo(first);
        }
        Paper p = first.paper();
        assertThat(p.ids()).isEqualTo(new Paper.Identifiers("10.1016/j.canlet.2024.216789", "38765432",
                "PMC11100001", "10.1101/2023.11.02.565123", "10.1016/j.canlet.2024.216789"));
        // Title, abstract and authors from PubMed; journal and license from Crossref (docs/merging.md).
        assertThat(p.title()).isEqualTo("Plasma exosomal PD-L1 predicts response to immunotherapy in melanoma");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label).containsExactly("BACKGROUND",
                "RESULTS");
        assertThat(p.authors().get(0).affiliations()).containsExactly("University of Pennsylvania");
        assertThat(p.journal().publisher()).isEqualTo("Elsevier BV");
        assertThat(p.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        assertThat(p.dates()).isEqualTo(new Paper.PaperDates("2024-01-10", "2024-04-02", "2024-06", "2024-05-18"));
        assertThat(p.publicationTypes()).containsExactly("Journal Article", "research-article",
                "Research Support, N.I.H., Extramural");
        assertThat(p.keywords()).containsExactly("Exosomes", "Immunotherapy", "Melanoma", "PD-L1");
        assertThat(p.meshHeadings()).extracting(Paper.MeshHeading::major).containsExactly(true, true);
        assertThat(first.sources()).containsExactly("crossref", "europepmc", "pubmed");
        assertThat(first.summary().relevance().score()).isEqualTo(0.91);
        assertThat(first.preprint()).isFalse();
    }

    @Test
    void aSummaryPageKeepsItsOwnSummaryBesideTheOneChosenFromPubmedsAbstract() {
        Summary.FromSource given = new Summary.FromSource("Exosomal PD-L1 flags responders.", "A cohort study.",
                List.of("PD-L1 rises in non-responders.", "The test needs a blood draw only."));
        SourceRecord pageSource = new SourceRecord("inbox", "page:doi:10.1016/j.canlet.2024.216789",
                ContentTypes.MARKDOWN, "h", Instant.parse("2025-01-01T00:00:00Z"), null, null);
        PaperExtracted page = new PaperExtracted(1, pubmed.paperKey(), "1", pageSource, pubmed.paper(), List.of(),
                new Summary("The page's abstract sentence.", List.of(), null, given), pubmed.extractedAt());
        for (List<PaperExtracted> order : permutations(List.of(pubmed, page, crossref))) {
            MergedPaper merged = PaperMerger.merge(order);
            assertThat(merged.summary().fromSource()).isEqualTo(given);
            assertThat(merged.summary().tldr()).isEqualTo(pubmed.summary().tldr()).isNotNull();
            assertThat(merged.sources()).containsExactly("crossref", "inbox", "pubmed");
        }
        assertThat(PaperMerger.merge(List.of(pubmed, crossref)).summary().fromSource()).isNull();
    }

    @Test
    void mentionsPointIntoTheMergedText() {
        MergedPaper merged = PaperMerger.merge(List.of(europepmc, crossref, pubmed));
        String title = merged.paper().title();
        String abstractText = merged.paper().abstractText();
        assertThat(merged.entities()).isNotEmpty();
        for (Entity e : merged.entities()) {
            for (Entity.Mention m : e.mentions()) {
                String text = m.section().equals("title") ? title : abstractText;
                assertThat(text.substring(m.start(), m.end())).isEqualToIgnoringCase(m.text());
            }
        }
        Entity melanoma = merged.entities().stream().filter(e -> e.id().equals("MESH:D008545")).findFirst()
                .orElseThrow();
        assertThat(melanoma.mentions()).hasSize(2);
        assertThat(melanoma.xrefs()).containsExactly("DOID:1909");
        // Europe PMC's abstract is not the one shown, so its only mention of this chemical cannot be kept.
        assertThat(merged.entities()).extracting(Entity::id).doesNotContain("MESH:D000074322");
    }

    @Test
    void preprintThenPublishedBecomeOnePaperWithBothIdsAndPublishedFields() {
        MergedPaper before = PaperMerger.merge(List.of(preprint));
        assertThat(before.preprint()).isTrue();
        assertThat(before.paper().ids().doi()).isEqualTo("10.1101/2023.11.02.565123");
        assertThat(before.paper().publicationTypes()).containsExactly("Preprint");

        assertThat(PaperMerger.group(List.of(preprint, crossref))).hasSize(1);
        MergedPaper after = PaperMerger.merge(List.of(preprint, crossref));
        assertThat(after).isEqualTo(PaperMerger.merge(List.of(crossref, preprint)));
        assertThat(after.preprint()).isFalse();
        assertThat(after.paper().ids().doi()).isEqualTo("10.1016/j.canlet.2024.216789");
        assertThat(after.paper().ids().preprintDoi()).isEqualTo("10.1101/2023.11.02.565123");
        assertThat(after.keys()).contains("doi:10.1016/j.canlet.2024.216789", "doi:10.1101/2023.11.02.565123");
        assertThat(after.paper().title()).isEqualTo(crossref.paper().title());
        assertThat(after.paper().journal().title()).isEqualTo("Cancer Letters");
        assertThat(after.paper().dates().published()).isEqualTo("2024-05-18");
        assertThat(after.paper().publicationTypes()).containsExactly("journal-article");
        // Crossref has no abstract: the preprint's fills the gap rather than leaving none.
        assertThat(after.paper().abstractText()).startsWith("We measured");
    }

    @Test
    void aPreprintThatNamesItsPublishedVersionIsLinkedToo() {
        PaperExtracted linked = new PaperExtracted(1, "doi:10.1101/2023.11.02.565123", "1.2.0", preprint.source(),
                withIds(preprint.paper(), new Paper.Identifiers("10.1101/2023.11.02.565123", null, null, null,
                        "10.1016/j.canlet.2024.216789")),
                preprint.entities(), preprint.summary(), preprint.extractedAt());
        assertThat(PaperMerger.group(List.of(pubmed, linked))).hasSize(1);
        MergedPaper merged = PaperMerger.merge(List.of(linked, pubmed));
        assertThat(merged.paper().ids().doi()).isEqualTo("10.1016/j.canlet.2024.216789");
        assertThat(merged.paper().ids().preprintDoi()).isEqualTo("10.1101/2023.11.02.565123");
        assertThat(merged.paper().title()).isEqualTo(pubmed.paper().title());
    }

    @Test
    void missingDoiMergesByPmidOrByTitleYearAndFirstAuthor() {
        List<PaperExtracted> all = List.of(feed, europepmc, pubmed);
        for (List<PaperExtracted> order : permutations(all)) {
            assertThat(PaperMerger.group(order)).hasSize(1);
        }
        MergedPaper merged = PaperMerger.merge(all);
        assertThat(merged.sources()).containsExactly("europepmc", "feed", "pubmed");
        assertThat(merged.paper().ids().doi()).isEqualTo("10.1016/j.canlet.2024.216789");
        assertThat(merged.paper().title()).isEqualTo(pubmed.paper().title());
        assertThat(IdentityKeys.lookup(feed.paper())).containsExactly(
                "tya:plasma exosomal pd l1 predicts response to immunotherapy in melanoma|2024|chen");
    }

    @Test
    void aLookAlikeTitleWithOtherIdsStaysSeparate() {
        PaperExtracted other = new PaperExtracted(1, "doi:10.9999/other", "1.2.0",
                new SourceRecord("crossref", "10.9999/other", null, null, Instant.parse("2024-05-01T00:00:00Z"),
                        null, null),
                withIds(pubmed.paper(), new Paper.Identifiers("10.9999/other", null, null, null, null)), List.of(),
                null, Instant.parse("2024-05-01T00:00:01Z"));
        assertThat(PaperMerger.group(List.of(pubmed, other))).hasSize(2);
    }

    @Test
    void newerVersionOfTheSameRecordWinsWhateverTheArrivalOrder() {
        PaperExtracted newer = new PaperExtracted(1, pubmed.paperKey(), "1.3.0",
                new SourceRecord("pubmed", "38765432", "application/vnd.pubmed+xml", "a2",
                        Instant.parse("2024-07-01T00:00:00Z"), null, "ev-cancer"),
                withTitle(pubmed.paper(), "Plasma exosomal PD-L1 predicts response to immunotherapy in melanoma "
                        + "(corrected)"),
                pubmed.entities(), pubmed.summary(), Instant.parse("2024-07-01T00:00:05Z"));
        MergedPaper a = PaperMerger.merge(List.of(pubmed, newer, crossref));
        MergedPaper b = PaperMerger.merge(List.of(newer, crossref, pubmed, pubmed));
        assertThat(a).isEqualTo(b);
        assertThat(a.paper().title()).endsWith("(corrected)");
        assertThat(PaperMerger.newestVersions(List.of(newer, pubmed))).containsExactly(newer);
    }

    @Test
    void newerExtractorVersionWinsAtTheSameFetchTime() {
        assertThat(RecordVersions.compareVersions("1.10.0", "1.9.3")).isPositive();
        assertThat(RecordVersions.compareVersions("2", "2.0")).isZero();
    }

    @Test
    void anOlderExtractorNeverReplacesANewerOneOfTheSameFetchEvenWhenItRanLater() {
        PaperExtracted newRules = extractedBy("1.10.0", pubmed.extractedAt().plusSeconds(60), "(new rules)");
        PaperExtracted oldRulesLater = extractedBy("1.9.3", pubmed.extractedAt().plusSeconds(3600), "(old rules)");
        assertThat(RecordVersions.newer(newRules, oldRulesLater)).isSameAs(newRules);
        assertThat(RecordVersions.newer(oldRulesLater, newRules)).isSameAs(newRules);
        assertThat(PaperMerger.merge(List.of(oldRulesLater, newRules)).paper().title()).endsWith("(new rules)");
        PaperExtracted refetched = new PaperExtracted(1, pubmed.paperKey(), "1.0.0", new SourceRecord("pubmed",
                pubmed.source().sourceRecordId(), pubmed.source().contentType(), "changed",
                pubmed.source().fetchedAt().plusSeconds(86_400), null, "ev-cancer"), pubmed.paper(),
                pubmed.entities(), pubmed.summary(), pubmed.extractedAt());
        assertThat(RecordVersions.newer(newRules, refetched)).as("content fetched later").isSameAs(refetched);
    }

    private PaperExtracted extractedBy(String version, Instant extractedAt, String titleSuffix) {
        return new PaperExtracted(1, pubmed.paperKey(), version, pubmed.source(),
                withTitle(pubmed.paper(), pubmed.paper().title() + " " + titleSuffix), pubmed.entities(),
                pubmed.summary(), extractedAt);
    }

    private static Paper withIds(Paper p, Paper.Identifiers ids) {
        return new Paper(ids, p.title(), p.abstractSections(), p.authors(), p.journal(), p.dates(),
                p.publicationTypes(), p.keywords(), p.meshHeadings(), p.license(), p.language(), p.url(), p.body());
    }

    private static Paper withTitle(Paper p, String title) {
        return new Paper(p.ids(), title, p.abstractSections(), p.authors(), p.journal(), p.dates(),
                p.publicationTypes(), p.keywords(), p.meshHeadings(), p.license(), p.language(), p.url(), p.body());
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }
}
