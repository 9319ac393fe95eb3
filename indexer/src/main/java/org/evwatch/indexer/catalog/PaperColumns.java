package org.evwatch.indexer.catalog;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.evwatch.events.Paper;
import org.evwatch.events.Summary;
import org.evwatch.indexer.persistence.RowBatch;
import org.evwatch.query.PaperDocuments;

/** The columns of the paper table, each with where its value comes from in a merged paper. */
final class PaperColumns {

    private record Column(String name, String type, Function<PaperState, Object> value) {
    }

    private static final List<Column> BOOKKEEPING = List.of(
            new Column("id", "text", p -> p.id),
            new Column("version", "int8", p -> p.version),
            new Column("created_at", "timestamptz", p -> p.createdAt),
            new Column("updated_at", "timestamptz", p -> p.updatedAt),
            new Column("merged", "text", p -> p.mergedJson),
            new Column("merged_hash", "text", p -> p.mergedHash),
            new Column("change_seq", "int8", p -> p.changeSeq),
            new Column("preprint", "bool", p -> p.merged.preprint()),
            new Column("sources", "text", p -> String.join(",", p.merged.sources())));

    private static final List<Column> BIBLIOGRAPHY = List.of(
            paper("doi", "text", p -> p.ids().doi()),
            paper("pmid", "text", p -> p.ids().pmid()),
            paper("pmcid", "text", p -> p.ids().pmcid()),
            paper("preprint_doi", "text", p -> p.ids().preprintDoi()),
            paper("published_doi", "text", p -> p.ids().publishedDoi()),
            paper("title", "text", Paper::title),
            paper("abstract_text", "text", Paper::abstractText),
            paper("year", "int4", p -> p.dates().year()),
            paper("date_received", "text", p -> p.dates().received()),
            paper("date_accepted", "text", p -> p.dates().accepted()),
            paper("date_published", "text", p -> p.dates().published()),
            paper("date_epub", "text", p -> p.dates().epub()),
            paper("published_on", "date", p -> PaperDocuments.publishedDate(p.dates())));

    private static final List<Column> JOURNAL = List.of(
            journal("journal_title", Paper.Journal::title),
            journal("journal_iso", Paper.Journal::isoAbbreviation),
            journal("journal_issn", Paper.Journal::issn),
            journal("journal_eissn", Paper.Journal::eissn),
            journal("journal_volume", Paper.Journal::volume),
            journal("journal_issue", Paper.Journal::issue),
            journal("journal_pages", Paper.Journal::pages),
            journal("journal_article", Paper.Journal::articleNumber),
            journal("journal_publisher", Paper.Journal::publisher));

    private static final List<Column> SUMMARY = List.of(
            summary("tldr", "text", Summary::tldr),
            summary("relevance_label", "text", s -> s.relevance() == null || s.relevance().label() == null
                    ? null
                    : s.relevance().label().name()),
            summary("relevance_score", "float8", s -> s.relevance() == null ? null : s.relevance().score()),
            summary("source_tldr", "text", s -> s.fromSource() == null ? null : s.fromSource().tldr()),
            summary("source_contribution", "text", s -> s.fromSource() == null
                    ? null
                    : s.fromSource().contribution()));

    private static final List<Column> ALL = java.util.stream.Stream.of(BOOKKEEPING, BIBLIOGRAPHY, JOURNAL, SUMMARY)
            .flatMap(List::stream).toList();

    private PaperColumns() {
    }

    /** One row per paper, its columns from the paper's newest merged version. */
    static RowBatch rows(Collection<PaperState> papers) {
        RowBatch batch = RowBatch.into("paper");
        ALL.forEach(c -> batch.column(c.name(), c.type()));
        for (PaperState p : papers) {
            batch.row(ALL.stream().map(c -> c.value().apply(p)).toArray());
        }
        return batch;
    }

    /** Existing papers keep their creation time. */
    static String onConflict() {
        return rows(List.of()).onConflictUpdate("id", "created_at");
    }

    private static Column paper(String name, String type, Function<Paper, Object> value) {
        return new Column(name, type, p -> value.apply(p.merged.paper()));
    }

    private static Column journal(String name, Function<Paper.Journal, Object> value) {
        return new Column(name, "text", p -> value.apply(p.merged.paper().journal()));
    }

    private static Column summary(String name, String type, Function<Summary, Object> value) {
        return new Column(name, type, p -> value.apply(p.merged.summary()));
    }
}
