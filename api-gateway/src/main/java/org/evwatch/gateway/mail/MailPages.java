package org.evwatch.gateway.mail;

/**
 * The small pages the links in a mail answer with. A link's first visit shows a button that posts to it, so a mail
 * scanner that fetches every link confirms or unsubscribes nothing.
 */
public final class MailPages {

    private MailPages() {
    }

    /** A page asking to press a button that posts to {@code action}. */
    public static String form(String title, String message, String action, String button) {
        return page(title, "<p>" + MailWriter.html(message) + "</p>\n<form method=\"post\" action=\""
                + MailWriter.html(action) + "\"><button type=\"submit\">" + MailWriter.html(button)
                + "</button></form>\n");
    }

    /** A page telling what a link did. */
    public static String done(MailConsent.Page page) {
        return page(page.title(), "<p>" + MailWriter.html(page.message()) + "</p>\n");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>EVwatch: " + MailWriter.html(title)
                + "</title></head>\n<body>\n<h1>" + MailWriter.html(title) + "</h1>\n" + body + "</body></html>\n";
    }
}
