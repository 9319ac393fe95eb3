package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Abstracts that arrive as markup inside JSON or feeds: Europe PMC's {@code <h4>Label</h4>text}, Crossref's JATS
 * {@code <jats:sec><jats:title>Label</jats:title><jats:p>}, feed HTML with {@code <b>Label:</b>}. The labels become
 * section labels and the markup goes, so every source gives the same structured abstract.
 */
final class AbstractMarkup {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "title", "jats:title");
    // a title that merely says "Abstract" labels nothing
    private static final Set<String> NOT_A_LABEL = Set.of("abstract", "summary", "graphical abstract");

    /** Labels of structured abstracts (NLM's list, as journals write them), in any case. */
    private static final String KNOWN_LABELS = "background|introduction|objectives?|aims?|purpose|context|importance|"
            + "rationale|hypothesis|methods?|materials and methods|patients and methods|search methods|design|"
            + "experimental design|study design|setting|participants|interventions?|exposures?|measurements?|"
            + "main outcomes? and measures?|main outcome measures?|data sources?|data extraction|data synthesis|"
            + "data analysis|study selection|selection criteria|evidence acquisition|evidence synthesis|results?|"
            + "main results|findings|conclusions?|main conclusions|interpretation|significance|discussion|"
            + "limitations|implications|clinical relevance|issue addressed|so what|location|time period|"
            + "major taxa studied|case presentation|trial registration|registration|funding|financial disclosures?";
    private static final String SENTENCE_START = "(?:^|(?<=[.!?] ))(";
    private static final Pattern RUN_IN_LABEL = Pattern.compile(SENTENCE_START + "(?i:" + KNOWN_LABELS + "))\\s*: ");
    /**
     * Any run-in label of a text that known ones show to be structured: a known label, or a phrase in capitals of up
     * to five words ("METHODS AND RESULTS: ", "CLINICAL TRIAL NUMBER: ").
     */
    private static final Pattern ANY_RUN_IN_LABEL = Pattern.compile(SENTENCE_START + "(?i:" + KNOWN_LABELS + ")|"
            + "\\p{Lu}[\\p{Lu}'’-]+(?: (?:\\p{Lu}[\\p{Lu}'’-]*|&|/)){0,4})\\s*: ");

    private AbstractMarkup() {
    }

    static void addTo(PaperDraft draft, String markup) {
        if (markup == null || markup.isBlank()) {
            return;
        }
        if (markup.indexOf('<') < 0) {
            addPlain(draft, Texts.stripMarkup(markup));
            return;
        }
        Document doc = Jsoup.parseBodyFragment(markup);
        String[] label = {null};
        StringBuilder text = new StringBuilder();
        walk(doc.body(), draft, label, text);
        flush(draft, label, text);
    }

    /**
     * Plain text with run-in labels ("Background: ... Methods: ...") is split into sections when at least two
     * known labels appear and the text opens with a label; the other labels of such a text ("FUNDING: ") split it
     * too. Otherwise it is one unlabelled section.
     */
    static void addPlain(PaperDraft draft, String text) {
        if (text == null) {
            return;
        }
        List<int[]> found = labels(RUN_IN_LABEL, text).size() < 2 ? List.of() : labels(ANY_RUN_IN_LABEL, text);
        if (found.isEmpty() || found.get(0)[0] != 0) {
            draft.abstractSection(null, text);
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            int end = i + 1 < found.size() ? found.get(i + 1)[0] : text.length();
            draft.abstractSection(text.substring(found.get(i)[0], found.get(i)[1]),
                    text.substring(found.get(i)[2], end));
        }
    }

    /** Each label's start and end, and where its section's text starts. */
    private static List<int[]> labels(Pattern label, String text) {
        Matcher m = label.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[]{m.start(1), m.end(1), m.end()});
        }
        return found;
    }

    private static void walk(Element parent, PaperDraft draft, String[] label, StringBuilder text) {
        for (Node node : parent.childNodes()) {
            if (node instanceof TextNode t) {
                text.append(t.getWholeText());
            } else if (node instanceof Element e) {
                String tag = e.tagName().toLowerCase(Locale.ROOT);
                if (HEADINGS.contains(tag)) {
                    flush(draft, label, text);
                    String heading = Texts.clean(e.text());
                    label[0] = heading == null || NOT_A_LABEL.contains(heading.toLowerCase(Locale.ROOT))
                            ? null
                            : heading.replaceAll("[:.]$", "");
                } else if (tag.equals("p") || tag.equals("jats:p") || tag.equals("div") || tag.equals("br")) {
                    text.append(' ');
                    walk(e, draft, label, text);
                    text.append(' ');
                } else {
                    walk(e, draft, label, text);
                }
            }
        }
    }

    private static void flush(PaperDraft draft, String[] label, StringBuilder text) {
        String t = Texts.clean(text.toString());
        if (t != null) {
            draft.abstractSection(label[0], t);
        }
        text.setLength(0);
        label[0] = null;
    }
}
