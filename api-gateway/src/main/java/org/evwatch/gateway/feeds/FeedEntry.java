package org.evwatch.gateway.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.gateway.model.EntityLinks;
import org.evwatch.indexer.api.PaperView;
import org.evwatch.gateway.model.PartialDate;
import org.evwatch.indexer.api.SearchHit;

/**
 * One paper as a feed item, whatever the feed format.
 *
 * @param paperId the catalog id
 * @param summary the TL;DR when there is one, else the abstract
 * @param content the abstract when there is one (null otherwise)
 * @param published the publication date, at midnight UTC; null when unknown
 * @param updated when the catalog last changed the paper; never null
 * @param categories the paper's entities
 */
public record FeedEntry(String paperId, String title, List<String> authors, String summary, String content,
        String doi, String journal, Instant published, Instant updated, List<Category> categories) {

    public FeedEntry {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (updated == null) {
            updated = published != null ? published : Instant.EPOCH;
        }
    }

    /** An entity as a category: its id as the term, its name as the label, its vocabulary page as the scheme. */
    public record Category(String term, String label, String scheme) {
    }

    public static FeedEntry of(PaperView paper) {
        List<String> authors = paper.authors().stream().map(Paper.Author::displayName)
                .filter(n -> n != null && !n.isBlank()).toList();
        List<Category> categories = paper.entities().stream().map(FeedEntry::category).distinct().toList();
        String tldr = paper.summary().tldr();
        String abstractText = blankToNull(paper.abstractText());
        Instant published = startOfDay(paper.dates().published() != null
                ? paper.dates().published()
                : paper.dates().epub());
        Instant updated = paper.updatedAt() != null ? paper.updatedAt() : paper.createdAt();
        return new FeedEntry(paper.id(), paper.title(), authors, blankToNull(tldr) != null ? tldr : abstractText,
                abstractText, paper.ids().doi(), paper.journal().title(), published,
                updated != null ? updated : published, categories);
    }

    /** A search hit carries a TL;DR but no abstract; its update time is its publication date. */
    public static FeedEntry of(SearchHit hit) {
        List<Category> categories = hit.entities().stream()
                .map(e -> new Category(e.id(), e.name(), EntityLinks.url(e.id()))).distinct().toList();
        Instant published = startOfDay(hit.published());
        return new FeedEntry(hit.id(), hit.title(), hit.authors(), blankToNull(hit.tldr()), null, hit.ids().doi(),
                hit.journal(), published, published, categories);
    }

    private static Category category(Entity e) {
        return new Category(e.id(), e.name(), EntityLinks.url(e.id()));
    }

    static Instant startOfDay(String iso) {
        PartialDate d = PartialDate.parse(iso);
        if (d == null) {
            return null;
        }
        return LocalDate.of(d.year(), d.month() == null ? 1 : d.month(), d.day() == null ? 1 : d.day())
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
