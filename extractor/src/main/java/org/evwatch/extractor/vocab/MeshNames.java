package org.evwatch.extractor.vocab;

import org.evwatch.events.EntityType;

/** Rules about MeSH names and trees shared by the MeSH-based loaders. */
final class MeshNames {

    /** Adds a MeSH-style name: as written when in prose order, else in prose order as a derived form. */
    static void addName(VocabularyBuilder into, String id, String name, TermKind kind) {
        if (!isInverted(name)) {
            into.name(id, name, kind);
            return;
        }
        String prose = uninverted(name);
        if (prose != null) {
            into.name(id, prose, TermKind.DERIVED);
        }
    }

    private MeshNames() {
    }

    /**
     * "Neoplasms, Lung" is an index form nobody writes in prose; such names are matched only in prose order (see
     * {@link #uninverted(String)}), never as written, which would match across list commas. Chemical names with
     * commas but no space ("1,2-dioleoyl") are not inverted.
     */
    static boolean isInverted(String name) {
        return name.contains(", ");
    }

    /**
     * The prose order of an inverted index name: "Leukemia, Myeloid, Acute" becomes "Acute Myeloid Leukemia",
     * "Carcinoma, Hepatocellular" becomes "Hepatocellular Carcinoma". Null
     * when the name is not inverted or too complex for the rule (more than three parts, brackets).
     */
    static String uninverted(String name) {
        if (!isInverted(name) || name.indexOf('(') >= 0 || name.indexOf('[') >= 0) {
            return null;
        }
        String[] parts = name.split(", ");
        if (parts.length > 3) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(parts[i].strip());
        }
        return sb.toString();
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
