package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Any other text or markdown: the first heading or line is the title, and an "Abstract" heading starts the abstract,
 * which runs to the next heading, "Keywords", "Introduction" or "References".
 */
final class GenericTextReader implements TextPageReader {

    @Override
    public boolean recognises(List<String> lines) {
        return true;
    }

    @Override
    public void read(PaperDraft d, List<String> lines) {
        int abstractAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String bare = TextLines.stripMarkdown(lines.get(i).replaceFirst("^#+\\s*", ""));
            if (d.title == null && bare != null && !bare.equalsIgnoreCase("abstract")) {
                d.title(bare);
            }
            if (bare != null && bare.toLowerCase(Locale.ROOT).matches("abstract:?") && abstractAt < 0) {
                abstractAt = i;
            }
        }
        if (abstractAt < 0) {
            return;
        }
        List<String> text = new ArrayList<>();
        for (String l : lines.subList(abstractAt + 1, lines.size())) {
            if (l.startsWith("#") || l.toLowerCase(Locale.ROOT).matches("^(keywords|introduction|references)\\b.*")) {
                break;
            }
            text.add(l);
        }
        TextLines.paragraphs(text).forEach(p -> AbstractMarkup.addPlain(d, TextLines.stripMarkdown(p)));
    }
}
