package org.evwatch.gateway.model;

import java.util.Locale;

/**
 * Where an entity id is described by the vocabulary that issued it. The web page and the feeds link entities there so a
 * reader can check what the extractor meant.
 */
public final class EntityLinks {

    private EntityLinks() {
    }

    /** The resolver URL of an entity id such as {@code MESH:D009369}; null when the vocabulary has no public page. */
    public static String url(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        int colon = id.indexOf(':');
        String prefix = colon > 0 ? id.substring(0, colon).toUpperCase(Locale.ROOT) : "";
        String local = colon > 0 ? id.substring(colon + 1) : id;
        return switch (prefix) {
            case "MESH" -> "https://meshb.nlm.nih.gov/record/ui?ui=" + local;
            case "NCBIGENE" -> "https://www.ncbi.nlm.nih.gov/gene/" + local;
            case "NCBITAXON" -> "https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=" + local;
            case "CL", "DOID", "UBERON", "CHEBI" -> "http://purl.obolibrary.org/obo/" + prefix + "_" + local;
            default -> {
                if (id.startsWith("CVCL_")) {
                    yield "https://www.cellosaurus.org/" + id;
                }
                if (id.startsWith("MIMAT")) {
                    yield "https://www.mirbase.org/mature/" + id;
                }
                if (id.startsWith("MI0")) {
                    yield "https://www.mirbase.org/hairpin/" + id;
                }
                yield null;
            }
        };
    }
}
