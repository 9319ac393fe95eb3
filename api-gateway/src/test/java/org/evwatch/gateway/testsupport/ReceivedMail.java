package org.evwatch.gateway.testsupport;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

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

    /** The first {@code count} messages {@link SmtpServer} received for {@code address}, waiting up to {@code wait}. */
    public static List<ReceivedMail> await(String address, int count, Duration wait) {
        var received = Awaitility.await().atMost(wait).pollInterval(Duration.ofMillis(100))
                .until(() -> SmtpServer.receivedBy(address), list -> list.size() >= count);
        return new ArrayList<>(received.stream().limit(count).map(ReceivedMail::of).toList());
    }

    /**
     * Follows this confirmation's link to the gateway at {@code base} as the reader would: the page, then its button.
     */
    public void confirm(String base) {
        String link = link(base + "api/v1/mail/confirm?token=");
        given().urlEncodingEnabled(false).get(link).then().statusCode(200);
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").post(link).then()
                .statusCode(200);
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
