package org.evwatch.gateway.model;

import java.util.List;

import org.evwatch.events.Entity;
import org.evwatch.events.PaperIndexed;
import org.evwatch.indexer.api.PaperView;

/** Paper views built without a call to the catalog, from what a {@code papers.indexed} record carries. */
public final class PaperViews {

    private PaperViews() {
    }

    /**
     * The view of a newly indexed paper. The record has entity counts rather than mention offsets and source names
     * rather than source records, so those lists carry what is known: entities without mentions, sources by name.
     */
    public static PaperView fromIndexed(PaperIndexed indexed) {
        var paper = indexed.paper();
        List<Entity> entities = indexed.entities().stream()
                .filter(e -> e.type() != null && e.id() != null && !e.id().isBlank())
                .map(e -> new Entity(e.type(), e.id(), namespace(e.id()), e.name(), List.of(), List.of()))
                .toList();
        List<PaperView.SourceView> sources = indexed.sources().stream()
                .map(s -> new PaperView.SourceView(s, null, null, null, null, null, null, null)).toList();
        return new PaperView(indexed.paperId(), indexed.version(), paper.ids(), paper.title(),
                paper.abstractSections(), paper.abstractText(), paper.authors(), paper.journal(), paper.dates(),
                paper.dates().year(), paper.publicationTypes(), paper.keywords(), paper.meshHeadings(),
                paper.license(), paper.language(), paper.url(), entities, indexed.summary(), sources,
                indexed.change() == PaperIndexed.Change.CREATED ? indexed.indexedAt() : null, indexed.indexedAt());
    }

    /** The namespace of an entity id: its prefix before the colon, or the vocabulary its id form belongs to. */
    static String namespace(String id) {
        int colon = id.indexOf(':');
        if (colon > 0) {
            return id.substring(0, colon);
        }
        if (id.startsWith("CVCL_")) {
            return "Cellosaurus";
        }
        if (id.startsWith("MIMAT") || id.startsWith("MI0")) {
            return "miRBase";
        }
        return null;
    }
}
