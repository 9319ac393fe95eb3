package org.evwatch.gateway.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the gateway's mails, each as plain text with an HTML alternative: the papers of a subscription (one at once,
 * or a digest) and the request to confirm an address. Every value from a paper or a subscription is escaped in the
 * HTML and stripped of control characters in both. Every mail carries its unsubscribe link, in the body and as
 * {@code List-Unsubscribe} with {@code List-Unsubscribe-Post} (RFC 8058), so mail programs can offer one-click
 * unsubscribing.
 */
public final class MailWriter {

    /** Where a mail's links point. */
    public record Links(String base, String unsubscribe) {
    }

    private static final int MAX_SUBJECT_TITLE = 150;

    private MailWriter() {
    }

    /** The mail of {@code papers} matched by the subscription {@code name}. */
    public static Letter papers(String to, String name, EmailFrequency frequency, List<PaperMail> papers,
            Links links) {
        String subject = papers.size() == 1
                ? "New paper for \"" + line(name) + "\": " + shorten(line(papers.get(0).title()))
                : papers.size() + " new papers for \"" + line(name) + "\"";
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        String intro = papers.size() == 1 ? "A new paper matches" : papers.size() + " new papers match";
        text.append(intro).append(" your EVwatch subscription \"").append(line(name)).append("\".\n\n");
        html.append("<p>").append(intro).append(" your EVwatch subscription <strong>").append(html(name))
                .append("</strong>.</p>\n<ol>\n");
        for (int i = 0; i < papers.size(); i++) {
            paper(i + 1, papers.get(i), links.base(), text, html);
        }
        html.append("</ol>\n");
        String why = "You get this mail because this address subscribed to \"" + line(name) + "\" ("
                + frequency.apiName() + ").";
        return letter(to, subject, text, html, why, links);
    }

    /** The mail that asks {@code to} to confirm that it wants the papers of the subscription {@code name}. */
    public static Letter confirmation(String to, String name, EmailFrequency frequency, String confirmUrl,
            Links links) {
        String subject = "Confirm EVwatch mail for \"" + line(name) + "\"";
        String ask = "EVwatch was asked to mail the new papers matching the subscription \"" + line(name) + "\" to "
                + line(to) + " (" + frequency.apiName() + ").";
        StringBuilder text = new StringBuilder(ask).append("\n\nTo confirm, open this link and press Confirm:\n")
                .append(confirmUrl).append("\n\nIf you did not ask for this, ignore this mail: nothing is sent to "
                        + "this address before it confirms.\n");
        StringBuilder html = new StringBuilder("<p>").append(html(ask)).append("</p>\n<p><a href=\"")
                .append(html(confirmUrl)).append("\">Confirm this address</a></p>\n<p>If you did not ask for this, "
                        + "ignore this mail: nothing is sent to this address before it confirms.</p>\n");
        return letter(to, subject, text, html, "You get this mail because this address was given for \""
                + line(name) + "\".", links);
    }

    private static void paper(int n, PaperMail p, String base, StringBuilder text, StringBuilder html) {
        String url = paperUrl(base, p.paperId());
        text.append(n).append(". ").append(line(p.title())).append('\n');
        html.append("<li>\n<p><a href=\"").append(html(url)).append("\"><strong>").append(html(p.title()))
                .append("</strong></a></p>\n");
        field("Authors", p.authors().isEmpty() ? null : String.join(", ", p.authors()), text, html);
        field("Journal", p.journal(), text, html);
        field("TL;DR", p.tldr(), text, html);
        field("DOI", p.doi() == null ? null : "https://doi.org/" + p.doi(), text, html);
        text.append("   Link: ").append(url).append("\n\n");
        html.append("</li>\n");
    }

    private static void field(String label, String value, StringBuilder text, StringBuilder html) {
        if (value == null || value.isBlank()) {
            return;
        }
        text.append("   ").append(label).append(": ").append(line(value)).append('\n');
        html.append("<p>").append(label).append(": ").append(html(value)).append("</p>\n");
    }

    private static Letter letter(String to, String subject, StringBuilder text, StringBuilder html, String why,
            Links links) {
        text.append("--\n").append(why).append("\nUnsubscribe: ").append(links.unsubscribe()).append('\n');
        html.append("<hr>\n<p><small>").append(html(why)).append(" <a href=\"").append(html(links.unsubscribe()))
                .append("\">Unsubscribe</a></small></p>\n");
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html(subject)
                + "</title></head>\n<body>\n" + html + "</body></html>\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + links.unsubscribe() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        return new Letter(to, subject, text.toString(), page, headers);
    }

    /** The web page of a paper. */
    static String paperUrl(String base, String paperId) {
        return base + "/#/paper/" + URLEncoder.encode(paperId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One line of text: control characters and runs of white space become one space. */
    static String line(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s\\u2028\\u2029]+", " ").trim();
    }

    /** Text for HTML: one line, with {@code & < > " '} escaped. */
    static String html(String s) {
        String l = line(s);
        StringBuilder out = new StringBuilder(l.length() + 16);
        for (char c : l.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String shorten(String s) {
        return s.length() <= MAX_SUBJECT_TITLE ? s : s.substring(0, MAX_SUBJECT_TITLE - 1) + "…";
    }
}
