package org.evwatch.events;

import java.util.List;

/**
 * A normalised entity found in a paper, with where it was found.
 *
 * @param type what kind of thing it is
 * @param id the id in its namespace, written as the community writes it: {@code MESH:D009369}, {@code NCBIGene:7157},
 *        {@code NCBITaxon:9606}, {@code CL:0000236}, {@code CVCL_0023}, {@code MIMAT0000076}, {@code EV:subtype/exosome}
 * @param namespace the namespace alone: MESH, DOID, NCBIGene, NCBITaxon, CL, Cellosaurus, miRBase, EV
 * @param name the preferred name in that vocabulary (the HGNC symbol for a gene)
 * @param xrefs other ids for the same thing, e.g. a Disease Ontology id for a MeSH disease
 * @param mentions each place it was found
 */
public record Entity(EntityType type, String id, String namespace, String name, List<String> xrefs,
        List<Mention> mentions) {

    public Entity {
        Require.present(type, "entity.type");
        Require.text(id, "entity.id");
        xrefs = xrefs == null ? List.of() : List.copyOf(xrefs);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /**
     * One mention. Offsets are 0-based, end-exclusive, into the text of {@code section}: {@code title},
     * {@code abstract} (see {@link Paper#abstractText()}) or {@code body/N} (the N-th body section's text).
     */
    public record Mention(int start, int end, String text, String section) {
    }
}
