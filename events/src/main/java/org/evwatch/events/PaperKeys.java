package org.evwatch.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Normalised identifiers, shared so that every service derives the same key from the same paper. */
public final class PaperKeys {

    private PaperKeys() {
    }

    /** The best stable key of a paper: DOI, else PMID, else PMCID, else a hash of normalised title and first author. */
    public static String bestKey(Paper paper) {
        Paper.Identifiers ids = paper.ids();
        if (ids.doi() != null) {
            return "doi:" + ids.doi();
        }
        if (ids.pmid() != null) {
            return "pmid:" + ids.pmid();
        }
        if (ids.pmcid() != null) {
            return "pmcid:" + ids.pmcid();
        }
        Paper.Author first = paper.firstAuthor();
        String author = first == null
                ? ""
                : normaliseText(first.family() != null ? first.family() : first.collectiveName());
        return "title:" + sha256(normaliseText(paper.title()) + "|" + author).substring(0, 32);
    }

    /** A DOI in canonical form: lower case, no resolver prefix or {@code doi:} scheme; null when it is not a DOI. */
    public static String normaliseDoi(String doi) {
        if (doi == null) {
            return null;
        }
        String d = doi.trim().toLowerCase(Locale.ROOT);
        for (String prefix : new String[]{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                "http://dx.doi.org/", "doi.org/", "doi:"}) {
            if (d.startsWith(prefix)) {
                d = d.substring(prefix.length()).trim();
            }
        }
        return d.startsWith("10.") && d.indexOf('/') > 3 ? d : null;
    }

    /** A PMCID as {@code PMC123}; null when it is not one. */
    public static String normalisePmcid(String pmcid) {
        if (pmcid == null) {
            return null;
        }
        String p = pmcid.trim().toUpperCase(Locale.ROOT);
        if (!p.startsWith("PMC")) {
            p = "PMC" + p;
        }
        return p.length() > 3 && p.substring(3).chars().allMatch(Character::isDigit) ? p : null;
    }

    /** A PMID as digits; null when it is not one. */
    public static String normalisePmid(String pmid) {
        if (pmid == null) {
            return null;
        }
        String p = pmid.trim();
        return !p.isEmpty() && p.length() <= 10 && p.chars().allMatch(Character::isDigit) ? p : null;
    }

    /** Text folded for comparison: no accents, lower case, letters and digits separated by single spaces. */
    public static String normaliseText(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
