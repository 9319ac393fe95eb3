package org.evwatch.extractor;

/**
 * The version of the extraction rules, carried by every PaperExtracted; raised when their output changes (2.0.0 added
 * entities and the summary; 2.1.0 learning from annotated corpora, coordinated diseases, species names read as
 * proper nouns, abbreviated binomial synonyms and the NCBI Taxonomy dump).
 */
public final class ExtractorVersion {

    public static final String CURRENT = "2.1.0";

    private ExtractorVersion() {
    }
}
