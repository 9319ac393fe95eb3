package org.evwatch.extractor.vocab;

import java.util.List;

import org.evwatch.events.EntityType;

/**
 * One mention that annotators marked in a corpus document.
 *
 * @param start offset of the first character, into the document text (see {@link AnnotatedDocument})
 * @param end offset after the last character
 * @param text the mention as written
 * @param type what the annotators said it is
 * @param ids the normalised ids they gave it, in our namespaces ({@code MESH:D003866}, {@code NCBITaxon:9606});
 *        several for a composite mention, none when they could not normalise it
 */
public record Annotation(int start, int end, String text, EntityType type, List<String> ids) {

    public Annotation {
        ids = List.copyOf(ids);
    }
}
