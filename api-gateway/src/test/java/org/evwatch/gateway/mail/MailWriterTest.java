package org.evwatch.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MailWriterTest {

    private static final MailWriter.Links LINKS = new MailWriter.Links("https://evwatch.example.org",
            "https://evwatch.example.org/api/v1/mail/unsubscribe?token=u.x");
    private static final PaperMail HOSTILE = new PaperMail("doi:10.1/x y", "<script>alert(1)</script> & \"EVs\"",
            List.of("Ann O'Neil", "Bo <b>Li</b>"), "J. \"Vesicles\" & Co", "TL;DR with <img src=x onerror=y>",
            "10.1/x");

    @Test
    void everyValueIsEscapedInTheHtmlAndKeptAsTextInThePlainPart() {
        Letter letter = MailWriter.papers("a@example.org", "EVs <in> \"blood\"", EmailFrequency.IMMEDIATE,
                List.of(HOSTILE), LINKS);
        assertThat(letter.html()).doesNotContain("<script>", "<b>Li", "<img", "<in>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;EVs&quot;")
                .contains("Ann O&#39;Neil, Bo &lt;b&gt;Li&lt;/b&gt;")
                .contains("J. &quot;Vesicles&quot; &amp; Co")
                .contains("TL;DR: TL;DR with &lt;img src=x onerror=y&gt;")
                .contains("EVs &lt;in&gt; &quot;blood&quot;")
                .contains("href=\"https://evwatch.example.org/#/paper/doi%3A10.1%2Fx%20y\"");
        assertThat(letter.text()).contains("1. <script>alert(1)</script> & \"EVs\"")
                .contains("Authors: Ann O'Neil, Bo <b>Li</b>").contains("Journal: J. \"Vesicles\" & Co")
                .contains("DOI: https://doi.org/10.1/x")
                .contains("Link: https://evwatch.example.org/#/paper/doi%3A10.1%2Fx%20y")
                .contains("Unsubscribe: " + LINKS.unsubscribe());
        assertThat(letter.subject()).isEqualTo("New paper for \"EVs <in> \"blood\"\": <script>alert(1)</script> & "
                + "\"EVs\"");
    }

    @Test
    void controlCharactersCannotBreakTheSubjectOrTheLines() {
        PaperMail paper = new PaperMail("p1", "Title\r\nBcc: victim@example.org\u0000", List.of(), null, null, null);
        Letter letter = MailWriter.papers("a@example.org", "Name", EmailFrequency.DAILY, List.of(paper), LINKS);
        assertThat(letter.subject()).doesNotContain("\r", "\n", "\u0000")
                .isEqualTo("New paper for \"Name\": Title Bcc: victim@example.org");
        assertThat(letter.text()).contains("1. Title Bcc: victim@example.org\n").doesNotContain("Authors:",
                "Journal:", "TL;DR:");
    }

    @Test
    void aDigestListsEveryPaperAndEveryMailCarriesItsUnsubscribeHeaders() {
        PaperMail second = new PaperMail("p2", "Second", List.of(), "Journal", "Short.", null);
        Letter letter = MailWriter.papers("a@example.org", "Weekly", EmailFrequency.WEEKLY, List.of(HOSTILE, second),
                LINKS);
        assertThat(letter.subject()).isEqualTo("2 new papers for \"Weekly\"");
        assertThat(letter.text()).contains("2 new papers match").contains("\n2. Second\n").contains("(weekly)");
        assertThat(letter.html()).contains("<ol>").contains("Second");
        assertThat(letter.headers()).containsEntry("List-Unsubscribe", "<" + LINKS.unsubscribe() + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        Letter confirmation = MailWriter.confirmation("a@example.org", "Weekly", EmailFrequency.WEEKLY,
                "https://evwatch.example.org/api/v1/mail/confirm?token=c.x", LINKS);
        assertThat(confirmation.text()).contains("https://evwatch.example.org/api/v1/mail/confirm?token=c.x")
                .contains("Unsubscribe: " + LINKS.unsubscribe());
        assertThat(confirmation.headers()).containsEntry("List-Unsubscribe", "<" + LINKS.unsubscribe() + ">");
    }
}
