package org.evwatch.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain list of paper identifiers, as a person pastes or saves one: DOIs (bare, {@code doi:…} or
 * {@code https://doi.org/…}), PMIDs (bare digits or {@code PMID: …}), PMCIDs ({@code PMC…}) and URLs of landing pages,
 * one or more a line, separated by spaces or commas; lines starting with {@code #} are comments. A PubMed, PMC, Europe
 * PMC or doi.org URL is read as the identifier it names.
 */
public final class IdentifierList {

    /** What an identifier names, and so where it is looked up. */
    public enum Kind {
        DOI, PMID, PMCID, URL
    }

    /**
     * One token of the list.
     *
     * @param line its 1-based line
     * @param text the token as written
     * @param kind what it is; null when it is no identifier
     * @param value the identifier, normalised ({@code 10.1/x}, {@code 123}, {@code PMC123}, the URL); null when none
     */
    public record Item(int line, String text, Kind kind, String value) {

        public boolean valid() {
            return kind != null;
        }
    }

    private static final Pattern LABEL = Pattern.compile("(?i)\\b(doi|pmid|pmcid)\\s*:\\s+");
    private static final Pattern DOI = Pattern
            .compile("(?i)^(?:doi:|https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}/\\S+)$");
    private static final Pattern PMID = Pattern.compile("(?i)^(?:pmid:)?(\\d{1,9})$");
    private static final Pattern PMCID = Pattern.compile("(?i)^(?:pmcid:)?(PMC\\d{1,9})$");
    private static final Pattern URL = Pattern.compile("(?i)^https?://[^\\s/]+(?:/\\S*)?$");
    private static final Pattern PUBMED_URL = Pattern.compile(
            "(?i)^https?://(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|(?:www\\.)?ncbi\\.nlm\\.nih\\.gov/pubmed/|"
                    + "europepmc\\.org/(?:article|abstract)/MED/)(\\d{1,9})/?(?:[?#]\\S*)?$");
    private static final Pattern PMC_URL = Pattern.compile(
            "(?i)^https?://(?:(?:www\\.)?ncbi\\.nlm\\.nih\\.gov/pmc/articles/|pmc\\.ncbi\\.nlm\\.nih\\.gov/articles/|"
                    + "europepmc\\.org/(?:article|abstract)/PMC/)(PMC\\d{1,9})/?(?:[?#]\\S*)?$");
    /** The share of a head's tokens that must be identifiers for the text to be taken as a list. */
    private static final double LIST_SHARE = 0.8;

    private IdentifierList() {
    }

    /** Every token of the list, in order, the ones that are no identifier included (with a null kind). */
    public static List<Item> parse(String text) {
        List<Item> items = new ArrayList<>();
        String[] lines = text.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = LABEL.matcher(lines[i].strip()).replaceAll("$1:");
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            for (String token : line.split("\\s+")) {
                for (String part : parts(token)) {
                    items.add(item(i + 1, part));
                }
            }
        }
        return items;
    }

    /** Whether the head of a text reads as an identifier list: some identifiers, and little else. */
    static boolean looksLikeList(String head, boolean truncated) {
        List<Item> items = parse(head);
        if (truncated && !items.isEmpty()) {
            // the last token may be cut in the middle
            items = items.subList(0, items.size() - 1);
        }
        long valid = items.stream().filter(Item::valid).count();
        return valid > 0 && valid >= LIST_SHARE * items.size();
    }

    /** A token of a comma-separated run ({@code 123,456}) is split, a DOI or URL is kept whole. */
    private static List<String> parts(String token) {
        String t = token.replaceAll("[,;.]+$", "");
        if (t.isEmpty()) {
            return List.of();
        }
        if (t.indexOf(',') < 0 || DOI.matcher(t).matches() || URL.matcher(t).matches()) {
            return List.of(t);
        }
        return List.of(t.split(",+")).stream().filter(p -> !p.isEmpty()).toList();
    }

    static Item item(int line, String token) {
        Matcher m;
        if ((m = DOI.matcher(token)).matches()) {
            String doi = PaperKeys.normaliseDoi(m.group(1));
            return doi == null ? new Item(line, token, null, null) : new Item(line, token, Kind.DOI, doi);
        }
        if ((m = PMID.matcher(token)).matches() || (m = PUBMED_URL.matcher(token)).matches()) {
            return new Item(line, token, Kind.PMID, PaperKeys.normalisePmid(m.group(1)));
        }
        if ((m = PMCID.matcher(token)).matches() || (m = PMC_URL.matcher(token)).matches()) {
            return new Item(line, token, Kind.PMCID, m.group(1).toUpperCase(Locale.ROOT));
        }
        if (URL.matcher(token).matches()) {
            return new Item(line, token, Kind.URL, token);
        }
        return new Item(line, token, null, null);
    }
}
