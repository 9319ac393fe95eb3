package org.evwatch.indexer.search;

import java.util.List;

import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.query.PaperDocuments;

/**
 * What a search hit shows, stored in the index with each paper so that a page of results needs no catalog round
 * trip.
 */
public record HitSummary(String id, String title, Paper.Identifiers ids, List<String> authors, String journal,
        String published, Integer year, List<String> publicationTypes, String tldr, String relevance,
        List<EntityRef> entities) {

    /** An entity of the hit with its mention count. */
    public record EntityRef(EntityType type, String id, String name, int mentions) {
    }

    public static HitSummary of(PaperIndexed indexed) {
        Paper paper = indexed.paper();
        var published = PaperDocuments.publishedDate(paper.dates());
        var relevance = indexed.summary().relevance();
        return new HitSummary(indexed.paperId(), paper.title(), paper.ids(),
                paper.authors().stream().map(Paper.Author::displayName).filter(n -> n != null).toList(),
                paper.journal().title(), published == null ? null : published.toString(), paper.dates().year(),
                paper.publicationTypes(), indexed.summary().tldr(),
                relevance == null || relevance.label() == null ? null : relevance.label().name(),
                indexed.entities().stream().map(e -> new EntityRef(e.type(), e.id(), e.name(), e.mentions()))
                        .toList());
    }
}
