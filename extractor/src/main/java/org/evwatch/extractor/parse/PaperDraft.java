package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperKeys;

/**
 * The fields of a paper while a parser fills them in. Setters clean the value and ignore blanks, so that a parser
 * can offer several candidates for a field in order of preference and keep the first that is really there.
 */
final class PaperDraft {

    String doi;
    String pmid;
    String pmcid;
    String preprintDoi;
    String publishedDoi;
    String title;
    final List<Paper.AbstractSection> abstractSections = new ArrayList<>();
    final List<Paper.Author> authors = new ArrayList<>();
    String journalTitle;
    String isoAbbreviation;
    String issn;
    String eissn;
    String volume;
    String issue;
    String pages;
    String articleNumber;
    String publisher;
    String received;
    String accepted;
    String published;
    String epub;
    final List<String> publicationTypes = new ArrayList<>();
    final List<String> keywords = new ArrayList<>();
    final List<Paper.MeshHeading> meshHeadings = new ArrayList<>();
    String license;
    String language;
    String url;
    final List<Paper.BodySection> body = new ArrayList<>();

    /** Keeps the first real value: {@code draft.doi = PaperDraft.first(draft.doi, candidate)}. */
    static String first(String current, String candidate) {
        return current != null ? current : Texts.clean(candidate);
    }

    void doi(String candidate) {
        if (doi == null) {
            doi = PaperKeys.normaliseDoi(candidate);
        }
    }

    void pmid(String candidate) {
        if (pmid == null) {
            pmid = PaperKeys.normalisePmid(candidate);
        }
    }

    void pmcid(String candidate) {
        if (pmcid == null) {
            pmcid = PaperKeys.normalisePmcid(candidate);
        }
    }

    void title(String candidate) {
        title = first(title, candidate);
    }

    void abstractSection(String label, String text) {
        String t = Texts.clean(text);
        if (t != null) {
            String l = Texts.clean(label);
            abstractSections.add(new Paper.AbstractSection(l == null ? null : l.replaceAll("\\s*[:.]$", ""), t));
        }
    }

    void author(String given, String family, String collective, String orcid, List<String> affiliations) {
        String g = Texts.clean(given);
        String f = Texts.clean(family);
        String c = Texts.clean(collective);
        if (g == null && f == null && c == null) {
            return;
        }
        if (f == null && c == null) {
            // a lone name is a family name: "Given" without "Family" would read as a first name only
            f = g;
            g = null;
        }
        authors.add(new Paper.Author(g, f, c, Texts.orcid(orcid), Texts.distinct(affiliations)));
    }

    /** "Given Family" split on its last space, particles kept with the family name ("Ludwig van Beethoven"). */
    void authorFullName(String name, String orcid, List<String> affiliations) {
        String n = Texts.clean(name);
        if (n == null) {
            return;
        }
        String[] words = n.split(" ");
        int split = words.length - 1;
        while (split > 1 && isParticle(words[split - 1])) {
            split--;
        }
        String given = String.join(" ", java.util.Arrays.copyOfRange(words, 0, split));
        String family = String.join(" ", java.util.Arrays.copyOfRange(words, split, words.length));
        author(given, family, null, orcid, affiliations);
    }

    /** "Family, Given" as bioRxiv and citation meta tags write it; a name without comma is read as "Given Family". */
    void authorInverted(String name, String orcid, List<String> affiliations) {
        String n = Texts.clean(name);
        if (n == null) {
            return;
        }
        int comma = n.indexOf(',');
        if (comma < 0) {
            authorFullName(n, orcid, affiliations);
        } else {
            author(n.substring(comma + 1), n.substring(0, comma), null, orcid, affiliations);
        }
    }

    /**
     * One name in whatever order a page writes it: "Family, Given", "Family AB" (PubMed style initials) or
     * "Given Family".
     */
    void authorLoose(String name) {
        String n = Texts.clean(name);
        if (n == null) {
            return;
        }
        // a final period ends a list ("Brandt A.") unless the name is inverted, where it ends an initial ("Gu, W.")
        n = n.replaceAll("^(?i:and|&)\\s+", "").replaceAll(n.contains(",") ? "[;,]+$" : "[.;,]+$", "").trim();
        java.util.regex.Matcher initials = FAMILY_INITIALS.matcher(n);
        if (n.contains(",")) {
            authorInverted(n, null, List.of());
        } else if (initials.matches()) {
            author(initials.group(2), initials.group(1), null, null, List.of());
        } else {
            authorFullName(n, null, List.of());
        }
    }

    /**
     * A whole author line: "A. Smith, B. Jones and C. Lee", "Smith J, Jones B.", "Smith, J.; Jones, B." or a lone
     * "Inoda, Toshio".
     */
    void authorList(String line) {
        String l = Texts.clean(line);
        if (l == null) {
            return;
        }
        l = l.replaceAll("\\s+(?:and|&)\\s+", ", ").replaceAll(",\\s*,", ",");
        if (l.contains(";")) {
            for (String name : l.split(";")) {
                authorLoose(name);
            }
            return;
        }
        String[] parts = l.split(",");
        if (parts.length == 2 && !parts[0].trim().contains(" ") && !FAMILY_INITIALS.matcher(parts[1].trim()).matches()
                && parts[1].trim().split(" ").length <= 2) {
            authorInverted(l, null, List.of());
            return;
        }
        for (String name : parts) {
            authorLoose(name);
        }
    }

    private static final java.util.regex.Pattern FAMILY_INITIALS = java.util.regex.Pattern.compile(
            "^(\\S.*?)\\s+(\\p{Lu}{1,3})$");

    private static boolean isParticle(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "ter", "ten", "dos",
                    "das", "st.", "bin", "al", "el" ->
                true;
            default -> false;
        };
    }

    void keyword(String candidate) {
        String k = Texts.clean(candidate);
        if (k != null && !keywords.contains(k)) {
            keywords.add(k);
        }
    }

    void publicationType(String candidate) {
        String t = Texts.clean(candidate);
        if (t != null) {
            publicationTypes.add(t);
        }
    }

    void bodySection(String sectionTitle, String text) {
        String t = Texts.clean(text);
        if (t != null) {
            body.add(new Paper.BodySection(Texts.clean(sectionTitle), t));
        }
    }

    /** The canonical paper; a record without a title is not a paper. */
    Paper build(String format) throws ParseException {
        if (title == null) {
            throw new ParseException(format + ": missing title");
        }
        String mainDoi = doi != null ? doi : publishedDoi != null ? publishedDoi : preprintDoi;
        Paper.Identifiers ids = new Paper.Identifiers(mainDoi, pmid, pmcid, preprintDoi, publishedDoi);
        Paper.Journal journal = new Paper.Journal(journalTitle, isoAbbreviation, issn, eissn, volume, issue, pages,
                articleNumber, publisher);
        Paper.PaperDates dates = new Paper.PaperDates(received, accepted, published, epub);
        return new Paper(ids, title, abstractSections, authors, journal, dates,
                PublicationTypes.normalise(publicationTypes), Texts.distinct(keywords), meshHeadings,
                Texts.clean(license), Languages.normalise(language), Texts.clean(url), body);
    }
}
