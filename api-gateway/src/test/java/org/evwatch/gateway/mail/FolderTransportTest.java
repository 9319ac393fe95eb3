package org.evwatch.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTransportTest {

    @TempDir
    Path folder;

    @Test
    void eachMailBecomesAnEmlFileAMailProgramReadsWithBothParts() throws Exception {
        Path mail = folder.resolve("mail");
        var transport = new FolderTransport(mail, "EVwatch <evwatch@example.org>", Clock.systemUTC());
        transport.send(new Letter("reader@example.org", "Über exosomes", "Plain ✓ text\n",
                "<p>HTML ✓</p>", Map.of("List-Unsubscribe", "<https://e.example/u>")));
        transport.send(new Letter("reader@example.org", "Second", "two", "<p>two</p>", Map.of()));

        List<Path> files;
        try (Stream<Path> list = Files.list(mail)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(2).allSatisfy(f -> assertThat(f.toString()).endsWith(".eml"));
        MimeMessage message;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            message = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
        }
        assertThat(message.getSubject()).isEqualTo("Über exosomes");
        assertThat(message.getFrom()[0].toString()).contains("evwatch@example.org");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(message.getHeader("List-Unsubscribe", null)).isEqualTo("<https://e.example/u>");
        Multipart parts = (Multipart) message.getContent();
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContent().toString().strip()).isEqualTo("Plain ✓ text");
        assertThat(parts.getBodyPart(1).getContent().toString().strip()).isEqualTo("<p>HTML ✓</p>");
    }
}
