package org.evwatch.extractor;

/** The version of the extraction rules, carried by every PaperExtracted; raised when their output changes. */
public final class ExtractorVersion {

    public static final String CURRENT = "1.0.0";

    private ExtractorVersion() {
    }
}
