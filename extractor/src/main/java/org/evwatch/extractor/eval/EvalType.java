package org.evwatch.extractor.eval;

import org.evwatch.events.EntityType;

/** The entity types corpora annotate, onto which the extractor's richer types are folded for scoring. */
public enum EvalType {
    CHEMICAL, DISEASE, GENE, SPECIES, CELL_TYPE, CELL_LINE;

    /** The evaluation type an extracted entity counts as, or null when no corpus annotates it. */
    public static EvalType of(EntityType t) {
        return switch (t) {
            case CHEMICAL -> CHEMICAL;
            case DISEASE -> DISEASE;
            case GENE, EV_MARKER, NCRNA -> GENE; // a non-coding RNA gene (lncRNA "PVT1") is an NCBI Gene gene
            case SPECIES -> SPECIES;
            case CELL_TYPE -> CELL_TYPE;
            case CELL_LINE -> CELL_LINE;
            default -> null;
        };
    }

    /** The namespace ids of this type are compared in, so that a marker's gene xref meets a gene annotation. */
    String namespace() {
        return switch (this) {
            case CHEMICAL, DISEASE -> "MESH:";
            case GENE -> "NCBIGene:";
            case SPECIES -> "NCBITaxon:";
            case CELL_TYPE -> "CL:";
            case CELL_LINE -> "CVCL_";
        };
    }
}
