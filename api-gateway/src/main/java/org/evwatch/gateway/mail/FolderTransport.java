package org.evwatch.gateway.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;

/**
 * Writes each mail as an {@code .eml} file (the message as an SMTP server would have received it, readable by any mail
 * program) into a folder, for a gateway with no SMTP server. A file appears whole: it is written under a temporary
 * name, then renamed.
 */
final class FolderTransport implements MailTransport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String from;
    private final Clock clock;

    FolderTransport(Path folder, String from, Clock clock) {
        this.folder = folder;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(Letter letter) {
        MailMessage message = new MailMessage().setFrom(from).setTo(letter.to()).setSubject(letter.subject())
                .setText(letter.text()).setHtml(letter.html());
        letter.headers().forEach(message::addHeader);
        String eml = new MailEncoder(message, "localhost").encode();
        String name = STAMP.format(clock.instant()) + "-" + UUID.randomUUID();
        try {
            Files.createDirectories(folder);
            Path part = folder.resolve(name + ".part");
            Files.writeString(part, eml, StandardCharsets.UTF_8);
            Files.move(part, folder.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a mail to " + folder, e);
        }
    }
}
