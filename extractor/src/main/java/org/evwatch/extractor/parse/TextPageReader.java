package org.evwatch.extractor.parse;

import java.util.List;

/** Reads one layout of captured article page; the lines come stripped, with non-breaking spaces made plain. */
interface TextPageReader {

    /** Whether the page shows this layout's marker. */
    boolean recognises(List<String> lines);

    void read(PaperDraft d, List<String> lines);
}
