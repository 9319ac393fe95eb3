package org.evwatch.extractor.vocab;

import org.evwatch.events.EntityType;

/** Rules about MeSH names and trees shared by the MeSH-based loaders. */
final class MeshNames {

    private MeshNames() {
    }

    /**
     * "Neoplasms, Lung" is an index form nobody writes in prose; skipping such names keeps the dictionary small and
     * avoids matches across list commas. Chemical names with commas but no space ("1,2-dioleoyl") are kept.
     */
    static boolean isInverted(String name) {
        return name.contains(", ");
    }

    /**
     * Diseases are tree C (and F03, mental disorders); chemicals are tree D except proteins (D12.776) and enzymes
     * (D08.811), which corpora annotate as genes, macromolecular substances (D05), and the pharmacological
     * action classes of D27 ("calcium channel blockers"), which name a use rather than a substance.
     */
    static EntityType typeOfTree(String tree) {
        if (tree.startsWith("C") || tree.startsWith("F03")) {
            return EntityType.DISEASE;
        }
        if (tree.startsWith("D") && !tree.startsWith("D12.776") && !tree.startsWith("D08.811")
                && !tree.startsWith("D05") && !tree.startsWith("D27")) {
            return EntityType.CHEMICAL;
        }
        return null;
    }
}
