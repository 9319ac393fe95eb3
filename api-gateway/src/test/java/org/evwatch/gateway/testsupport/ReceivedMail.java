package org.evwatch.gateway.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A message as the SMTP server received it, with its plain-text and HTML parts decoded. */
public record ReceivedMail(MimeMessage message, String subject, String text, String html) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"<>]+");

    public static ReceivedMail of(MimeMessage message) {
        try {
            List<Part> leaves = new ArrayList<>();
            collect(message, leaves);
            String text = null;
            String html = null;
            for (Part p : leaves) {
                if (p.isMimeType("text/plain") && text == null) {
                    text = (String) p.getContent();
                } else if (p.isMimeType("text/html") && html == null) {
                    html = (String) p.getContent();
                }
            }
            return new ReceivedMail(message, message.getSubject(), text, html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String header(String name) {
        try {
            return message.getHeader(name, ", ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the plain text that starts with {@code prefix}. */
    public String link(String prefix) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            if (m.group().startsWith(prefix)) {
                return m.group();
            }
        }
        throw new AssertionError("no link starting with " + prefix + " in:\n" + text);
    }

    private static void collect(Part part, List<Part> leaves) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }
}
