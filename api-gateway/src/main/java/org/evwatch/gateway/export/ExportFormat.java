package org.evwatch.gateway.export;

import java.util.Locale;
import java.util.Optional;

/** The citation formats a search or a paper can be exported as, with their media types. */
public enum ExportFormat {
    RIS("ris", "application/x-research-info-systems", "ris"), BIBTEX("bibtex", "application/x-bibtex",
            "bib"), CSL("csl", "application/vnd.citationstyles.csl+json", "json");

    public static final String RIS_TYPE = "application/x-research-info-systems";
    public static final String BIBTEX_TYPE = "application/x-bibtex";
    public static final String CSL_TYPE = "application/vnd.citationstyles.csl+json";

    private final String param;
    private final String mediaType;
    private final String extension;

    ExportFormat(String param, String mediaType, String extension) {
        this.param = param;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String param() {
        return param;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named by a {@code format=} parameter ({@code ris}, {@code bibtex}/{@code bib}, {@code csl}). */
    public static Optional<ExportFormat> fromParam(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "ris" -> Optional.of(RIS);
            case "bibtex", "bib" -> Optional.of(BIBTEX);
            case "csl", "csl-json", "csljson" -> Optional.of(CSL);
            default -> Optional.empty();
        };
    }

    /**
     * The export format an Accept header asks for, if any. JSON, wildcards and anything else leave the default JSON
     * answer; among several citation types the one with the highest quality (then the first) wins.
     */
    public static Optional<ExportFormat> fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        ExportFormat best = null;
        double bestQ = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            for (ExportFormat f : values()) {
                if (f.mediaType.equals(type) && q > bestQ) {
                    best = f;
                    bestQ = q;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The writer for this format. */
    public CitationWriter writer() {
        return switch (this) {
            case RIS -> new RisWriter();
            case BIBTEX -> new BibtexWriter();
            case CSL -> new CslJsonWriter();
        };
    }
}
