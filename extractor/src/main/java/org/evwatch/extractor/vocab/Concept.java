package org.evwatch.extractor.vocab;

import java.util.List;
import java.util.Set;

import org.evwatch.events.EntityType;

/**
 * One thing a vocabulary names: a disease, a drug, a gene, an EV subtype...
 *
 * @param type the entity type it is reported as
 * @param id the id with its namespace prefix, as the community writes it ({@code MESH:D009369}, {@code CVCL_0030})
 * @param namespace the namespace alone ({@code MESH}, {@code Cellosaurus}, {@code EV})
 * @param name the preferred name
 * @param xrefs other ids for the same thing
 * @param flags free-form tags a vocabulary attaches, e.g. {@code cancer} for neoplasms
 */
public record Concept(EntityType type, String id, String namespace, String name, List<String> xrefs,
        Set<String> flags) {

    public static final String CANCER = "cancer";

    public Concept {
        xrefs = List.copyOf(xrefs);
        flags = Set.copyOf(flags);
    }

    public boolean isCancer() {
        return flags.contains(CANCER);
    }
}
