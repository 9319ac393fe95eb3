package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;

/**
 * Plain-text and markdown captures of article pages. Three layouts are recognised, each by a marker only it has:
 * a markdown summary page ({@code # Title}, {@code **Authors:**}, a "source · DOI · journal · date" line and
 * {@code ## Abstract}); a research-portal "Research output" page with glued label/value lines
 * ({@code JournalClinical Cancer Research}); and a publisher page with a citation line, a submission history and
 * an "Abstract" heading. Anything else is read generically: first heading or line as title, a labelled DOI, an
 * "Abstract" section.
 */
final class TextCaptureParser implements PaperParser {

    static final String FORMAT = "text capture";

    private static final Pattern PMCID = Pattern.compile("\\b(PMC\\d{4,})\\b");
    private static final Pattern MD_FIELD = Pattern.compile("^\\*\\*([^*:]+):\\*\\*\\s*(.+)$");
    private static final Pattern SUMMARY_LINE = Pattern.compile("(?:^|·)\\s*DOI:\\s*(10\\.\\S+)");
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}(-\\d{2}){0,2}$");
    private static final Pattern CITATIONS = Pattern.compile("^\\d[\\d,]*\\s+(?:Scopus\\s+)?[Cc]itations.*$");
    private static final List<String> PORTAL_LABELS = List.of("Original language", "Article number",
            "Number of pages", "Pages (from-to)", "Journal", "Volume", "Issue number", "Publication status", "State",
            "Externally published", "DOIs", "Publisher", "ISSN", "Publication date", "Early online date", "Event",
            "Conference");
    // "Cells 2025, 14(22), 1750; https://doi.org/10.3390/cells14221750"
    private static final Pattern PUBLISHER_CITATION = Pattern.compile(
            "^(.+?) (\\d{4}), (\\d+)\\((\\w+)\\), ([\\w-]+);\\s*https?://doi\\.org/(\\S+)");
    // Chicago style: 'Saad, Sara H., ... and Elena V. Batrakova. 2025. "Title" Cells 14, no. 22: 1750.'
    private static final Pattern CHICAGO = Pattern
            .compile("^(.+?)\\. (\\d{4})\\. \"(.+?)\" (.+?) (\\d+), no\\. (\\w+): ([\\w-]+)\\.");
    private static final Pattern HISTORY = Pattern.compile(
            "(Received|Submission received|Revised|Accepted|Published|Published online)\\s*:\\s*([^/]+)");
    private static final Pattern LABELLED_DOI = Pattern
            .compile("(?i)\\b(?:doi:?\\s*|https?://(?:dx\\.)?doi\\.org/)(10\\.\\d{4,9}/\\S+)");
    private static final List<String> ARTICLE_TYPES = List.of("Article", "Review", "Communication", "Editorial",
            "Brief Report", "Perspective", "Letter", "Case Report", "Commentary", "Opinion", "Systematic Review");

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.TEXT, ContentTypes.MARKDOWN);
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        List<String> lines = new ArrayList<>();
        for (String line : Xml.stripBom(payload).split("\\R", -1)) {
            lines.add(line.replace('\u00A0', ' ').strip());
        }
        PaperDraft d = new PaperDraft();
        if (firstContent(lines).startsWith("# ")) {
            markdownSummary(d, lines);
        } else if (lines.stream().anyMatch(l -> l.startsWith("Research output:"))) {
            researchPortal(d, lines);
        } else if (lines.stream()
                .anyMatch(l -> PUBLISHER_CITATION.matcher(l).find() || l.startsWith("Submission received:"))) {
            publisherPage(d, lines);
        } else {
            generic(d, lines);
        }
        if (d.doi == null) {
            Matcher m = LABELLED_DOI.matcher(payload);
            d.doi(m.find() ? Texts.findDoi(m.group(1)) : null);
        }
        return List.of(d.build(FORMAT));
    }

    private static String firstContent(List<String> lines) {
        for (String l : lines) {
            if (!l.isEmpty()) {
                return l;
            }
        }
        return "";
    }

    // ---- markdown summary page ------------------------------------------------------------------------------

    private static void markdownSummary(PaperDraft d, List<String> lines) {
        String section = null;
        List<String> abstractLines = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# ") && d.title == null) {
                d.title(stripMarkdown(line.substring(2)));
                continue;
            }
            if (line.startsWith("## ")) {
                section = line.substring(3).trim().toLowerCase(Locale.ROOT);
                continue;
            }
            if (line.equals("---")) {
                section = null;
                continue;
            }
            if (section == null) {
                headerLine(d, line);
            } else if (section.equals("abstract")) {
                abstractLines.add(line);
            }
        }
        paragraphs(abstractLines).forEach(p -> AbstractMarkup.addPlain(d, stripMarkdown(p)));
    }

    /** Lines above the first section: bold "Field:" lines, the "source · DOI · journal · date" line, the source URL. */
    private static void headerLine(PaperDraft d, String line) {
        Matcher field = MD_FIELD.matcher(line);
        if (field.matches()) {
            String name = field.group(1).trim().toLowerCase(Locale.ROOT);
            String value = field.group(2).trim();
            switch (name) {
                case "authors", "author" -> d.authorList(value);
                case "doi" -> d.doi(value);
                case "journal" -> d.journalTitle = PaperDraft.first(d.journalTitle, value);
                case "published", "date" -> d.published = PaperDraft.first(d.published, Dates.parse(value));
                case "pmid" -> d.pmid(value);
                case "pmcid" -> d.pmcid(value);
                default -> {
                }
            }
            return;
        }
        Matcher summary = SUMMARY_LINE.matcher(line);
        if (summary.find()) {
            d.doi(summary.group(1));
            String[] parts = line.split("\\s+·\\s+");
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].trim();
                if (ISO_DATE.matcher(part).matches()) {
                    d.published = PaperDraft.first(d.published, Dates.parse(part));
                } else if (!part.startsWith("DOI:") && i > 0 && parts[i - 1].trim().startsWith("DOI:")) {
                    // the journal follows the DOI; what precedes it is the source the summary was made from
                    d.journalTitle = PaperDraft.first(d.journalTitle, part);
                }
            }
            return;
        }
        if (line.startsWith("Source:")) {
            String url = line.substring(7).trim();
            d.url = PaperDraft.first(d.url, url);
            Matcher pmc = PMCID.matcher(url);
            if (pmc.find()) {
                d.pmcid(pmc.group(1));
            }
        }
    }

    // ---- research portal ("Research output") ------------------------------------------------------------------

    private static void researchPortal(PaperDraft d, List<String> lines) {
        int output = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Research output:")) {
                output = i;
                break;
            }
        }
        List<String> head = new ArrayList<>();
        for (int i = 0; i < output; i++) {
            if (!lines.get(i).isEmpty()) {
                head.add(lines.get(i));
            }
        }
        if (!head.isEmpty()) {
            d.title(head.get(0));
            for (int i = 1; i < head.size(); i++) {
                d.authorList(head.get(i));
            }
        }
        String kind = lines.get(output).substring("Research output:".length());
        // the portal glues its breadcrumb: "Contribution to journalReview ArticleResearchpeer-review"
        if (kind.contains("Review Article") || kind.contains("Literature review")) {
            d.publicationType("review");
        } else if (kind.contains("Article")) {
            d.publicationType("research-article");
        }
        if (kind.contains("Editorial")) {
            d.publicationType("editorial");
        }

        List<String> abstractParagraphs = new ArrayList<>();
        boolean inFields = false;
        boolean skipBullets = false;
        for (String block : paragraphs(lines.subList(output + 1, lines.size()))) {
            String first = block.lines().findFirst().orElse("");
            if (CITATIONS.matcher(first).matches()) {
                continue;
            }
            if (portalLabel(first) != null) {
                inFields = true;
                for (String line : block.lines().toList()) {
                    portalField(d, line);
                }
                continue;
            }
            if (block.startsWith("•")) {
                if (!skipBullets) {
                    block.lines().map(l -> l.replaceFirst("^•\\s*", "")).forEach(d::keyword);
                }
                continue;
            }
            if (inFields) {
                // after the fields come subject areas, fingerprint and citation widgets, none of it the abstract
                skipBullets = block.startsWith("ASJC") || block.startsWith("Dive into");
                continue;
            }
            abstractParagraphs.add(block);
        }
        abstractParagraphs.forEach(p -> AbstractMarkup.addPlain(d, Texts.clean(p)));
    }

    private static String portalLabel(String line) {
        for (String label : PORTAL_LABELS) {
            if (line.startsWith(label) && line.length() > label.length()) {
                return label;
            }
        }
        return null;
    }

    private static void portalField(PaperDraft d, String line) {
        String label = portalLabel(line);
        if (label == null) {
            return;
        }
        String value = line.substring(label.length()).trim();
        switch (label) {
            case "Original language" -> d.language = value;
            case "Article number" -> d.articleNumber = value;
            case "Pages (from-to)" -> d.pages = value;
            case "Journal" -> d.journalTitle = value;
            case "Volume" -> d.volume = value;
            case "Issue number" -> d.issue = value;
            case "Publication status", "State" -> {
                // "Published - Dec 2022"; an "Accepted/In press" status dates acceptance, not publication
                String date = Dates.parse(value.replaceFirst("^[^-]*-\\s*", ""));
                if (value.startsWith("Published")) {
                    d.published = PaperDraft.first(d.published, date);
                } else if (value.startsWith("Accepted")) {
                    d.accepted = PaperDraft.first(d.accepted, date);
                }
            }
            case "Publication date" -> d.published = PaperDraft.first(d.published, Dates.parse(value));
            case "Early online date" -> d.epub = Dates.parse(value);
            case "DOIs" -> d.doi(Texts.findDoi(value));
            case "Publisher" -> d.publisher = value;
            case "ISSN" -> d.issn = value.replaceAll("^\\(\\w+\\)\\s*", "");
            default -> {
            }
        }
    }

    // ---- publisher page ---------------------------------------------------------------------------------------

    private static void publisherPage(PaperDraft d, List<String> lines) {
        int abstractAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher citation = PUBLISHER_CITATION.matcher(line);
            if (citation.find() && d.doi == null) {
                d.journalTitle = citation.group(1);
                d.volume = citation.group(3);
                d.issue = citation.group(4);
                d.articleNumber = citation.group(5);
                d.doi(citation.group(6));
                d.published = PaperDraft.first(d.published, citation.group(2));
                titleAbove(d, lines, i);
            }
            if (line.startsWith("Submission received:") || line.startsWith("Received:")) {
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
            List<String> text = new ArrayList<>();
            for (int i = abstractAt + 1; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.startsWith("Keywords:") || l.equals("Share and Cite") || l.matches("^\\d+\\.\\s+\\p{Lu}.*")) {
                    break;
                }
                text.add(l);
            }
            paragraphs(text).forEach(p -> AbstractMarkup.addPlain(d, Texts.clean(p)));
        }
    }

    /** The title is the last non-empty line above the article type ("Review") that precedes the citation line. */
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

    // ---- anything else ----------------------------------------------------------------------------------------

    private static void generic(PaperDraft d, List<String> lines) {
        int abstractAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String bare = stripMarkdown(line.replaceFirst("^#+\\s*", ""));
            if (d.title == null && bare != null && !bare.equalsIgnoreCase("abstract")) {
                d.title(bare);
            }
            if (bare != null && bare.toLowerCase(Locale.ROOT).matches("abstract:?") && abstractAt < 0) {
                abstractAt = i;
            }
        }
        if (abstractAt >= 0) {
            List<String> text = new ArrayList<>();
            for (int i = abstractAt + 1; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.startsWith("#")
                        || l.toLowerCase(Locale.ROOT).matches("^(keywords|introduction|references)\\b.*")) {
                    break;
                }
                text.add(l);
            }
            paragraphs(text).forEach(p -> AbstractMarkup.addPlain(d, stripMarkdown(p)));
        }
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    /** Blank-line separated blocks, each with its lines joined by newlines. */
    private static List<String> paragraphs(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(current.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    /** Emphasis, inline code and link markup removed, link text kept. */
    private static String stripMarkdown(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("(\\*\\*|__|`)", "")
                .replaceAll("(?<![\\w*])[*_](\\S[^*_]*?)[*_](?![\\w*])", "$1");
        return Texts.clean(t);
    }
}
