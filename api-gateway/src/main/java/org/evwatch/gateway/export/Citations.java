package org.evwatch.gateway.export;

import java.util.List;
import java.util.Locale;

import org.evwatch.events.Paper;
import org.evwatch.indexer.api.PaperView;

/** What the citation formats share: the publication kind and the split of a page range. */
final class Citations {

    enum Kind {
        ARTICLE, REVIEW, PREPRINT
    }

    private Citations() {
    }

    static Kind kind(PaperView paper) {
        for (String type : paper.publicationTypes()) {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.contains("preprint")) {
                return Kind.PREPRINT;
            }
        }
        for (String type : paper.publicationTypes()) {
            if (type.toLowerCase(Locale.ROOT).contains("review")) {
                return Kind.REVIEW;
            }
        }
        return Kind.ARTICLE;
    }

    /** {@code [first, last]} of a range like {@code 101-9} or {@code e12}; the last is null for a single page. */
    static String[] pages(Paper.Journal journal) {
        String pages = journal.pages() != null ? journal.pages() : journal.articleNumber();
        if (pages == null || pages.isBlank()) {
            return null;
        }
        String[] parts = pages.split("\\s*[-\u2013\u2014]+\\s*", 2);
        String first = parts[0].trim();
        String last = parts.length > 1 ? parts[1].trim() : null;
        // MEDLINE writes "101-9" for 101-109: restore the dropped leading digits.
        if (last != null && last.length() < first.length() && first.chars().allMatch(Character::isDigit)
                && last.chars().allMatch(Character::isDigit)) {
            last = first.substring(0, first.length() - last.length()) + last;
        }
        return new String[]{first, last == null || last.isEmpty() ? null : last};
    }

    static List<Paper.Author> authors(PaperView paper) {
        return paper.authors().stream()
                .filter(a -> a.family() != null || a.collectiveName() != null)
                .toList();
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
