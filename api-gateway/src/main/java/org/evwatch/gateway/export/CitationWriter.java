package org.evwatch.gateway.export;

import java.util.List;

import org.evwatch.indexer.api.PaperView;

/** Writes papers as one citation file that reference managers (Zotero, EndNote, Mendeley) import. */
public interface CitationWriter {

    String write(List<PaperView> papers);

    default String write(PaperView paper) {
        return write(List.of(paper));
    }
}
