package org.evwatch.events;

/** The kinds of entity the extractor finds. The EV_* types and the rest of the EV layer are this project's own. */
public enum EntityType {
    DISEASE, CHEMICAL, GENE, SPECIES, CELL_TYPE, CELL_LINE, MIRNA, NCRNA, EV_SUBTYPE, EV_MARKER, EV_METHOD, BIOFLUID, CARGO
}
