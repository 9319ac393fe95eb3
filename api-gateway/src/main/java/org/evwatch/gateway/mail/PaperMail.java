package org.evwatch.gateway.mail;

import java.util.List;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;

/**
 * What a mail says of one paper, kept with its delivery when the paper is matched, so a digest sent days later needs
 * nothing else.
 *
 * @param tldr the extractor's TL;DR, else the source's own; null when there is none
 */
public record PaperMail(String paperId, String title, List<String> authors, String journal, String tldr,
        String doi) {

    public PaperMail {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    public static PaperMail of(PaperIndexed indexed) {
        Paper p = indexed.paper();
        List<String> authors = p.authors() == null
                ? List.of()
                : p.authors().stream().map(Paper.Author::displayName).filter(n -> n != null && !n.isBlank()).toList();
        return new PaperMail(indexed.paperId(), p.title(), authors, p.journal() == null ? null : p.journal().title(),
                tldr(indexed.summary()), p.ids() == null ? null : p.ids().doi());
    }

    private static String tldr(Summary s) {
        if (s == null) {
            return null;
        }
        if (s.tldr() != null && !s.tldr().isBlank()) {
            return s.tldr();
        }
        return s.fromSource() == null ? null : s.fromSource().tldr();
    }
}
