package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publisher's article page (MDPI style) as captured text: navigation, the article type above the title, a
 * citation line with the DOI, the submission history, an "Abstract" heading, "Keywords:", and citation styles of
 * which the Chicago one gives the authors' full names.
 */
final class PublisherPageReader implements TextPageReader {

    // "Cells 2025, 14(22), 1750; https://doi.org/10.3390/cells14221750"; the issue or the locator may be missing
    private static final Pattern CITATION = Pattern.compile(
            "^(.+?) (\\d{4}), (\\d+)(?:\\((\\w+)\\))?(?:, ([\\w-]+))?;\\s*https?://doi\\.org/(\\S+)");
    // Chicago style: 'Saad, Sara H., ... and Elena V. Batrakova. 2025. "Title" Cells 14, no. 22: 1750.'
    private static final Pattern CHICAGO = Pattern.compile(
            "^(.+?)\\. (\\d{4})\\. \"(.+?)\" (.+?) (\\d+)(?:, no\\. (\\w+))?(?:: ([\\w-]+))?\\.");
    /** "Received: 2 May 2020 / Accepted: …", "Received: 2 May 2020; Accepted: …", or a lone "Published: …". */
    private static final Pattern HISTORY_LINE = Pattern.compile(
            "^(?:Submission received|Received|Accepted|Published|Published online):");
    private static final Pattern HISTORY = Pattern.compile(
            "(Received|Submission received|Revised|Accepted|Published|Published online)\\s*:\\s*([^/;]+)");
    private static final List<String> ARTICLE_TYPES = List.of("Article", "Review", "Communication", "Editorial",
            "Brief Report", "Perspective", "Letter", "Case Report", "Commentary", "Opinion", "Systematic Review");

    @Override
    public boolean recognises(List<String> lines) {
        return lines.stream().anyMatch(l -> CITATION.matcher(l).find() || l.startsWith("Submission received:"));
    }

    @Override
    public void read(PaperDraft d, List<String> lines) {
        int abstractAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher citation = CITATION.matcher(line);
            if (citation.find() && d.doi == null) {
                citation(d, citation);
                titleAbove(d, lines, i);
            }
            if (HISTORY_LINE.matcher(line).find()) {
                history(d, line);
            }
            if (line.equalsIgnoreCase("Abstract") && abstractAt < 0) {
                abstractAt = i;
            }
            if (line.startsWith("Keywords:")) {
                keywords(d, line.substring(9));
            }
            Matcher chicago = CHICAGO.matcher(line);
            if (chicago.find() && d.authors.isEmpty()) {
                chicagoAuthors(d, chicago.group(1));
                d.title = chicago.group(3).replaceAll("[.,]$", "");
            }
        }
        if (abstractAt >= 0) {
            abstractFrom(d, lines.subList(abstractAt + 1, lines.size()));
        }
    }

    private static void citation(PaperDraft d, Matcher citation) {
        d.journalTitle = citation.group(1);
        d.volume = citation.group(3);
        d.issue = citation.group(4);
        // a page range, or an article number (MDPI numbers its articles)
        String locator = citation.group(5);
        if (locator != null && locator.contains("-")) {
            d.pages = locator;
        } else {
            d.articleNumber = locator;
        }
        d.doi(citation.group(6));
        d.published = PaperDraft.first(d.published, citation.group(2));
    }

    /** "Submission received: 30 September 2025 / Revised: … / Accepted: … / Published: …". */
    private static void history(PaperDraft d, String line) {
        Matcher h = HISTORY.matcher(line);
        while (h.find()) {
            String date = Dates.parse(h.group(2));
            switch (h.group(1)) {
                case "Received", "Submission received" -> d.received = date;
                case "Accepted" -> d.accepted = date;
                case "Published", "Published online" -> d.published = date;
                default -> {
                }
            }
        }
    }

    /** The abstract runs to the keywords, the "Share and Cite" box or the first numbered section. */
    private static void abstractFrom(PaperDraft d, List<String> lines) {
        List<String> text = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("Keywords:") || l.equals("Share and Cite") || l.matches("^\\d+\\.\\s+\\p{Lu}.*")) {
                break;
            }
            text.add(l);
        }
        TextLines.paragraphs(text).forEach(p -> AbstractMarkup.addPlain(d, Texts.clean(p)));
    }

    /** The title is the first non-empty line below the article type ("Review") that precedes the citation line. */
    private static void titleAbove(PaperDraft d, List<String> lines, int citationLine) {
        for (int i = citationLine - 1; i > 0; i--) {
            if (ARTICLE_TYPES.contains(lines.get(i))) {
                d.publicationType(lines.get(i));
                for (int j = i + 1; j < citationLine; j++) {
                    if (!lines.get(j).isEmpty()) {
                        d.title(lines.get(j));
                        return;
                    }
                }
            }
        }
    }

    /** "Saad, Sara H., Alex Kashanchi, and Elena V. Batrakova": the first name inverted, the others not. */
    private static void chicagoAuthors(PaperDraft d, String names) {
        String[] parts = names.replaceAll(",?\\s+and\\s+", ", ").split(",\\s*");
        if (parts.length < 2) {
            d.authorLoose(names);
            return;
        }
        d.author(parts[1], parts[0], null, null, List.of());
        for (int i = 2; i < parts.length; i++) {
            d.authorFullName(parts[i], null, List.of());
        }
    }

    /** "a; b; c" — some pages repeat the whole list glued to itself ("…; c a; b; c"), which is undone here. */
    private static void keywords(PaperDraft d, String list) {
        String l = Texts.clean(list);
        if (l == null) {
            return;
        }
        for (int cut = l.indexOf(' '); cut > 0; cut = l.indexOf(' ', cut + 1)) {
            if (l.substring(0, cut).equals(l.substring(cut + 1))) {
                l = l.substring(0, cut);
                break;
            }
        }
        for (String k : l.split(";")) {
            d.keyword(k);
        }
    }
}
