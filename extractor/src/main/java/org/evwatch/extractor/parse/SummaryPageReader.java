package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.Summary;

/**
 * A markdown summary of a paper: {@code # Title}, bold {@code **Field:**} lines, a "source · DOI: … · journal ·
 * date" line, then {@code ## } sections of which only "Abstract" is the paper's own text (a TL;DR, key findings or
 * entity lists are the summary's), and a closing {@code Source:} URL.
 */
final class SummaryPageReader implements TextPageReader {

    private static final Pattern PMCID = Pattern.compile("\\b(PMC\\d{4,})\\b");
    private static final Pattern MD_FIELD = Pattern.compile("^\\*\\*([^*:]+):\\*\\*\\s*(.+)$");
    private static final Pattern SUMMARY_LINE = Pattern.compile("(?:^|·)\\s*DOI:\\s*(10\\.\\S+)");
    private static final Pattern BULLET = Pattern.compile("^[-*•]\\s+(.+)$");
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}(-\\d{2}){0,2}$");

    @Override
    public boolean recognises(List<String> lines) {
        return TextLines.firstContent(lines).startsWith("# ");
    }

    @Override
    public void read(PaperDraft d, List<String> lines) {
        String section = null;
        List<String> abstractLines = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# ") && d.title == null) {
                d.title(TextLines.stripMarkdown(line.substring(2)));
            } else if (line.startsWith("## ")) {
                section = line.substring(3).trim().toLowerCase(Locale.ROOT);
            } else if (line.equals("---")) {
                section = null;
            } else if (section == null) {
                headerLine(d, line);
            } else if (section.equals("abstract")) {
                abstractLines.add(line);
            }
        }
        TextLines.paragraphs(abstractLines).forEach(p -> AbstractMarkup.addPlain(d, TextLines.stripMarkdown(p)));
    }

    /** Lines outside any section: bold "Field:" lines, the "source · DOI · journal · date" line, the source URL. */
    private static void headerLine(PaperDraft d, String line) {
        Matcher field = MD_FIELD.matcher(line);
        Matcher summary = SUMMARY_LINE.matcher(line);
        if (field.matches()) {
            field(d, field.group(1).trim().toLowerCase(Locale.ROOT), field.group(2).trim());
        } else if (summary.find()) {
            d.doi(summary.group(1));
            summaryLine(d, line.split("\\s+·\\s+"));
        } else if (line.startsWith("Source:")) {
            String url = line.substring(7).trim();
            d.url = PaperDraft.first(d.url, url);
            Matcher pmc = PMCID.matcher(url);
            if (pmc.find()) {
                d.pmcid(pmc.group(1));
            }
        }
    }

    /**
     * The summary page's own summary: its "TL;DR" and "Contribution" paragraphs and its "Key findings" bullets, word
     * for word (markdown emphasis taken off); null when the page has none of them.
     */
    static Summary.FromSource fromSource(List<String> lines) {
        Map<String, List<String>> sections = new HashMap<>();
        String section = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                section = line.substring(3).trim().toLowerCase(Locale.ROOT);
            } else if (line.equals("---")) {
                section = null;
            } else if (section != null) {
                sections.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
            }
        }
        List<String> findings = new ArrayList<>();
        for (String line : sections.getOrDefault("key findings", List.of())) {
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                findings.add(TextLines.stripMarkdown(bullet.group(1)));
            }
        }
        Summary.FromSource given = new Summary.FromSource(paragraph(sections.get("tl;dr")),
                paragraph(sections.get("contribution")), findings);
        return given.isEmpty() ? null : given;
    }

    private static String paragraph(List<String> lines) {
        if (lines == null) {
            return null;
        }
        String text = TextLines.stripMarkdown(String.join(" ", TextLines.paragraphs(lines)).replace('\n', ' '));
        return text == null || text.isBlank() ? null : text;
    }

    private static void field(PaperDraft d, String name, String value) {
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
    }

    private static void summaryLine(PaperDraft d, String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (ISO_DATE.matcher(part).matches()) {
                d.published = PaperDraft.first(d.published, Dates.parse(part));
            } else if (!part.startsWith("DOI:") && i > 0 && parts[i - 1].trim().startsWith("DOI:")) {
                // the journal follows the DOI; what precedes it is the source the summary was made from
                d.journalTitle = PaperDraft.first(d.journalTitle, part);
            }
        }
    }
}
