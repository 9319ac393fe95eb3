package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A research-portal "Research output" page (Pure and its kin) as captured text: title and author lines above the
 * "Research output:" breadcrumb, a citation count, the abstract, then label/value lines whose label and value the
 * capture glues together ({@code JournalClinical Cancer Research}), keyword bullets, and widgets (subject areas,
 * fingerprint, "Cite this") that are not the paper's.
 */
final class ResearchPortalReader implements TextPageReader {

    private static final String MARKER = "Research output:";
    private static final Pattern CITATIONS = Pattern.compile("^\\d[\\d,]*\\s+(?:Scopus\\s+)?[Cc]itations.*$");
    private static final Pattern NOT_A_VALUE = Pattern.compile("-|\\s*\\p{Ll}{2,}\\s");
    private static final List<String> LABELS = List.of("Original language", "Article number", "Number of pages",
            "Pages (from-to)", "Journal", "Volume", "Issue number", "Publication status", "State",
            "Externally published", "DOIs", "Publisher", "ISSN", "Publication date", "Early online date", "Event",
            "Conference");

    @Override
    public boolean recognises(List<String> lines) {
        return lines.stream().anyMatch(l -> l.startsWith(MARKER));
    }

    @Override
    public void read(PaperDraft d, List<String> lines) {
        int output = 0;
        while (!lines.get(output).startsWith(MARKER)) {
            output++;
        }
        titleAndAuthors(d, lines.subList(0, output));
        outputKind(d, lines.get(output).substring(MARKER.length()));
        body(d, lines.subList(output + 1, lines.size()));
    }

    /** The first line above the breadcrumb is the title, each further one an author list. */
    private static void titleAndAuthors(PaperDraft d, List<String> above) {
        List<String> head = above.stream().filter(l -> !l.isEmpty()).toList();
        if (!head.isEmpty()) {
            d.title(head.get(0));
            for (int i = 1; i < head.size(); i++) {
                d.authorList(head.get(i));
            }
        }
    }

    /** The portal glues its breadcrumb: "Contribution to journalReview ArticleResearchpeer-review". */
    private static void outputKind(PaperDraft d, String kind) {
        if (kind.contains("Review Article") || kind.contains("Literature review")) {
            d.publicationType("review");
        } else if (kind.contains("Article")) {
            d.publicationType("research-article");
        }
        if (kind.contains("Editorial")) {
            d.publicationType("editorial");
        }
    }

    /** Below the breadcrumb: the abstract up to the fields, then the fields and keyword bullets. */
    private static void body(PaperDraft d, List<String> lines) {
        List<String> abstractParagraphs = new ArrayList<>();
        boolean inFields = false;
        boolean skipBullets = false;
        for (String block : TextLines.paragraphs(lines)) {
            String first = block.lines().findFirst().orElse("");
            if (CITATIONS.matcher(first).matches()) {
                continue;
            }
            if (label(first) != null) {
                inFields = true;
                block.lines().forEach(line -> field(d, line));
            } else if (block.startsWith("•")) {
                if (!skipBullets) {
                    block.lines().map(l -> l.replaceFirst("^•\\s*", "")).forEach(d::keyword);
                }
            } else if (inFields) {
                // after the fields come subject areas, fingerprint and citation widgets, none of it the abstract
                skipBullets = block.startsWith("ASJC") || block.startsWith("Dive into");
            } else {
                abstractParagraphs.add(block);
            }
        }
        abstractParagraphs.forEach(p -> AbstractMarkup.addPlain(d, Texts.clean(p)));
    }

    /**
     * The label a field line starts with. A sentence that merely starts with a label's word ("State-of-the-art
     * sorting…", "Journal clubs were…") is no field: a value never goes on with a hyphen or a lower-case word.
     */
    private static String label(String line) {
        for (String label : LABELS) {
            if (line.startsWith(label) && line.length() > label.length()
                    && !NOT_A_VALUE.matcher(line.substring(label.length())).lookingAt()) {
                return label;
            }
        }
        return null;
    }

    private static void field(PaperDraft d, String line) {
        String label = label(line);
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
            case "Publication status", "State" -> status(d, value);
            case "Publication date" -> d.published = PaperDraft.first(d.published, Dates.parse(value));
            case "Early online date" -> d.epub = Dates.parse(value);
            case "DOIs" -> d.doi(Texts.findDoi(value));
            case "Publisher" -> d.publisher = value;
            case "ISSN" -> d.issn = value.replaceAll("^\\(\\w+\\)\\s*", "");
            default -> {
            }
        }
    }

    /** "Published - Dec 2022"; an "Accepted/In press" status dates acceptance, not publication. */
    private static void status(PaperDraft d, String value) {
        String date = Dates.parse(value.replaceFirst("^[^-]*-\\s*", ""));
        if (value.startsWith("Published")) {
            d.published = PaperDraft.first(d.published, date);
        } else if (value.startsWith("Accepted")) {
            d.accepted = PaperDraft.first(d.accepted, date);
        }
    }
}
