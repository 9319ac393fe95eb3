package org.evwatch.extractor;

/**
 * The version of the extraction rules, carried by every PaperExtracted; raised when their output changes (2.0.0 added
 * entities and the summary).
 */
public final class ExtractorVersion {

    public static final String CURRENT = "2.0.0";

    private ExtractorVersion() {
    }
}
