package org.evwatch.extractor.vocab;

/** Derives the namespace of an id from the way the id is written. */
public final class Namespaces {

    private Namespaces() {
    }

    public static String of(String id) {
        if (id.startsWith("CVCL_")) {
            return "Cellosaurus";
        }
        if (id.startsWith("MIMAT") || id.startsWith("MI0")) {
            return "miRBase";
        }
        int colon = id.indexOf(':');
        return colon > 0 ? id.substring(0, colon) : "";
    }
}
