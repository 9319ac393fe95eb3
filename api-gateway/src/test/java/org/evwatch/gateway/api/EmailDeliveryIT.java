package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.testsupport.Papers;
import org.evwatch.gateway.testsupport.ReceivedMail;
import org.evwatch.gateway.testsupport.SmtpServer;
import org.evwatch.gateway.testsupport.SseClient;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * E-mail of new papers, end to end: subscriptions with an address, papers announced on the real broker, mail sent by
 * the gateway to a real SMTP server inside the test JVM and read as that server received it; the links in the mail
 * are followed against the running gateway.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
// Not restricted to this class: every @QuarkusTest of the module mails to it, so this class shares their running
// gateway instead of starting one of its own.
@QuarkusTestResource(SmtpServer.class)
class EmailDeliveryIT {

    private static final String ADMIN = "test-admin-key";
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAIL_WAIT = Duration.ofSeconds(20);
    /**
     * A retry can land on the SMTP server while it starts again and wait there for the server's 30 s read timeout
     * before the next retry succeeds.
     */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    String base;

    @Inject
    DataSource database;

    @Test
    void anAddressGetsNothingButTheConfirmationUntilItConfirmsThenEachPaperWithItsFieldsAndCanUnsubscribe()
            throws Exception {
        String address = "reader-a@example.org";
        Response created = subscribe("Alpha <exosomes>", "title:mailalpha", address, "immediate");
        created.then().statusCode(201).body("email.address", equalTo(address))
                .body("email.frequency", equalTo("immediate")).body("email.state", equalTo("pending"));
        String id = created.path("id");

        ReceivedMail confirmation = mails(address, 1).get(0);
        assertThat(confirmation.subject()).isEqualTo("Confirm EVwatch mail for \"Alpha <exosomes>\"");
        assertThat(confirmation.header("From")).contains("evwatch@localhost");
        assertThat(confirmation.text()).contains("Alpha <exosomes>").contains(address);
        assertThat(confirmation.html()).contains("Alpha &lt;exosomes&gt;").doesNotContain("<exosomes>");
        assertThat(confirmation.header("List-Unsubscribe")).startsWith("<" + base + "api/v1/mail/unsubscribe?");

        try (SseClient stream = stream(created)) {
            Papers.publish(Papers.fresh("exosome-pdac", "Mailalpha vesicles announced before confirmation"));
            assertThat(stream.nextEvent(Duration.ofSeconds(15))).as("the gateway took the paper in").isNotNull();
        }
        String confirm = confirmation.link(base + "api/v1/mail/confirm?token=");
        given().urlEncodingEnabled(false).get(confirm).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\"")).body(containsString("Alpha &lt;exosomes&gt;"));
        state(id, "pending");
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").post(confirm).then()
                .statusCode(200).contentType(containsString("text/html")).body(containsString("Address confirmed"));
        state(id, "confirmed");

        PaperIndexed paper = Papers.fresh("exosome-pdac", "Mailalpha <b>exosomes</b> & \"vesicles\"");
        Papers.publish(paper);
        ReceivedMail mail = mails(address, 2).get(1);
        assertPaperMail(mail, paper);
        assertThat(deliveries(id).getList("kind")).as("the early paper was never stored for mail")
                .containsExactly("PAPER", "CONFIRMATION");

        String unsubscribe = mail.header("List-Unsubscribe").replaceAll("^<|>$", "");
        assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.text()).contains("Unsubscribe: " + unsubscribe);
        given().urlEncodingEnabled(false).get(unsubscribe).then().statusCode(200)
                .body(containsString("<form method=\"post\""));
        state(id, "confirmed");
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click").post(unsubscribe).then().statusCode(200)
                .body(containsString("no more mail"));
        state(id, "unsubscribed");
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").post(confirm).then()
                .statusCode(409).contentType(PROBLEM);

        try (SseClient stream = stream(created)) {
            Papers.publish(Papers.fresh("exosome-pdac", "Mailalpha vesicles after unsubscribing"));
            assertThat(stream.nextEvent(Duration.ofSeconds(15))).as("the gateway took the paper in").isNotNull();
        }
        assertThat(deliveries(id).getList("kind")).as("nothing stored after unsubscribing").hasSize(2);
        assertThat(SmtpServer.receivedBy(address)).hasSize(2);
    }

    private void assertPaperMail(ReceivedMail mail, PaperIndexed paper) throws Exception {
        Paper p = paper.paper();
        String link = base + "#/paper/" + paper.paperId();
        assertThat(mail.subject()).isEqualTo("New paper for \"Alpha <exosomes>\": " + p.title());
        assertThat(mail.message().getContentType()).startsWith("multipart/alternative");
        assertThat(mail.text()).contains(p.title()).contains("Authors: " + p.authors().get(0).displayName())
                .contains("Journal: " + p.journal().title()).contains("TL;DR: " + paper.summary().tldr())
                .contains("Link: " + link);
        assertThat(mail.html()).contains("Mailalpha &lt;b&gt;exosomes&lt;/b&gt; &amp; &quot;vesicles&quot;")
                .doesNotContain("<b>exosomes</b>").contains("href=\"" + link + "\"")
                .contains(p.journal().title());
        given().urlEncodingEnabled(false).get(link).then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void aPaperIsMailedOnceToAnAddressWhateverSubscriptionsMatchItAndHoweverItChanges() throws Exception {
        String address = "reader-b@example.org";
        Response first = subscribe("Beta", "title:mailbeta", address, "immediate");
        Response second = subscribe("Gamma", "title:mailgamma", "Reader-B@Example.org", "immediate");
        confirm(mails(address, 2));

        PaperIndexed both = Papers.fresh("exosome-pdac", "Mailbeta and mailgamma vesicles");
        try (SseClient stream = stream(first)) {
            Papers.publish(both);
            Papers.publish(both);
            assertThat(stream.nextEvent(Duration.ofSeconds(15))).isNotNull();
            ReceivedMail mail = mails(address, 3).get(2);
            assertThat(mail.subject()).endsWith(both.paper().title());
            PaperIndexed changed = new PaperIndexed(both.schemaVersion(), both.paperId(), PaperIndexed.Change.UPDATED,
                    2, Instant.now(), both.paper(), both.entities(), both.summary(), both.sources());
            Papers.publish(changed);
            JsonNode event = JSON.readTree(stream.nextEvent(Duration.ofSeconds(15)).data());
            assertThat(event.get("event").asText()).as("the change was taken in").isEqualTo("paper.updated");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(first.path("id")).getList("state"),
                states -> !states.contains("PENDING"));
        assertThat(deliveries(first.path("id")).getList("paperId")).containsOnlyOnce(both.paperId());
        assertThat(deliveries(second.path("id")).getList("paperId")).as("listed under each subscription")
                .containsOnlyOnce(both.paperId());
        assertThat(SmtpServer.receivedBy(address)).as("two confirmations, one paper").hasSize(3);
    }

    @Test
    void aDailyDigestWaitsForItsTimeThenCarriesEveryPaperInOneMail() throws Exception {
        String address = "digest@example.org";
        Response created = subscribe("Digest", "title:maildigest", address, "daily");
        String id = created.path("id");
        confirm(mails(address, 1));
        List<PaperIndexed> papers = List.of(Papers.fresh("exosome-pdac", "Maildigest first vesicles"),
                Papers.fresh("exosome-pdac", "Maildigest second vesicles"));
        try (SseClient stream = stream(created)) {
            papers.forEach(Papers::publish);
            assertThat(stream.nextEvent(Duration.ofSeconds(15))).isNotNull();
            assertThat(stream.nextEvent(Duration.ofSeconds(15))).isNotNull();
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime seven = now.with(LocalTime.of(7, 0));
        Instant due = (seven.isAfter(now) ? seven : seven.plusDays(1)).toInstant();
        JsonPath log = deliveries(id);
        assertThat(log.getList("findAll { it.kind == 'PAPER' }.dueAt", String.class)).hasSize(2)
                .allSatisfy(d -> assertThat(Instant.parse(d)).isEqualTo(due));
        assertThat(log.getList("findAll { it.kind == 'PAPER' }.state")).containsOnly("PENDING");
        assertThat(SmtpServer.receivedBy(address)).as("nothing before the digest time").hasSize(1);

        digestTimeComes(papers);
        ReceivedMail digest = mails(address, 2).get(1);
        assertThat(digest.subject()).isEqualTo("2 new papers for \"Digest\"");
        assertThat(digest.text()).contains("Maildigest first vesicles").contains("Maildigest second vesicles")
                .contains("(daily)");
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(id).getList("state"),
                states -> states.stream().allMatch("SENT"::equals));
    }

    @Test
    void aChangedFrequencyMovesThePapersWaitingForTheirDigest() throws Exception {
        String address = "changes@example.org";
        Response created = subscribe("Changes", "title:mailchanges", address, "daily");
        String id = created.path("id");
        confirm(mails(address, 1));
        PaperIndexed paper = Papers.fresh("exosome-pdac", "Mailchanges vesicles");
        try (SseClient stream = stream(created)) {
            Papers.publish(paper);
            assertThat(stream.nextEvent(Duration.ofSeconds(15))).isNotNull();
        }
        assertThat(paperDueAt(id)).isEqualTo(next(LocalTime.of(7, 0), 1));

        change(id, "Changes", "title:mailchanges", address, "weekly");
        Instant weekly = next(LocalTime.of(7, 0), 7);
        assertThat(paperDueAt(id)).as("the next Monday 07:00 UTC").isEqualTo(weekly);
        assertThat(weekly.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(SmtpServer.receivedBy(address)).as("nothing before the digest time").hasSize(1);

        change(id, "Changes", "title:mailchanges", address, "immediate");
        ReceivedMail mail = mails(address, 2).get(1);
        assertThat(mail.subject()).endsWith(paper.paper().title());
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(id).getList("state"),
                states -> states.stream().allMatch("SENT"::equals));
    }

    /** The next {@code time} UTC after now, on a Monday when {@code everyDays} is 7. */
    private static Instant next(LocalTime time, int everyDays) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime at = now.with(time);
        if (everyDays == 7) {
            at = at.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        }
        return (at.isAfter(now) ? at : at.plusDays(everyDays)).toInstant();
    }

    private static Instant paperDueAt(String id) {
        List<String> due = deliveries(id).getList("findAll { it.kind == 'PAPER' }.dueAt", String.class);
        assertThat(due).hasSize(1);
        return Instant.parse(due.get(0));
    }

    private static void change(String id, String name, String q, String address, String frequency) {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", name, "q", q, "email", Map.of("address", address, "frequency", frequency)))
                .put("/api/v1/subscriptions/" + id).then().statusCode(200).body("email.frequency", equalTo(frequency))
                .body("email.state", equalTo("confirmed"));
    }

    /** What the clock would do at 07:00 UTC: the digest's deliveries fall due. */
    /** Makes the papers' digest due, all in one statement: a sender looking in between would mail them apart. */
    private void digestTimeComes(List<PaperIndexed> papers) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("update gateway.email_delivery set due_at = now(), "
                        + "next_attempt_at = now() where paper_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", papers.stream().map(PaperIndexed::paperId).toArray()));
            assertThat(s.executeUpdate()).isEqualTo(papers.size());
        }
    }

    @Test
    void aMailTheSmtpServerDidNotTakeIsRetriedAndEveryAttemptIsListed() throws Exception {
        String address = "retry@example.org";
        SmtpServer.pause();
        String id;
        try {
            id = subscribe("Retry", "title:mailretry", address, "weekly").path("id");
            await().atMost(MAIL_WAIT).until(() -> deliveries(id).getList("[0].attemptLog.outcome"),
                    outcomes -> outcomes.contains("RETRY"));
        } finally {
            SmtpServer.resume();
        }
        JsonPath log = await().atMost(RESTART_WAIT).until(() -> deliveries(id),
                l -> !"PENDING".equals(l.getString("[0].state")));
        assertThat(log.getString("[0].state")).as("the delivery once the server is back: %s", log.prettify())
                .isEqualTo("SENT");
        assertThat(mails(address, 1).get(0).subject()).startsWith("Confirm EVwatch mail");
        List<String> outcomes = log.getList("[0].attemptLog.outcome");
        assertThat(outcomes).last().isEqualTo("SENT");
        assertThat(outcomes.subList(0, outcomes.size() - 1)).isNotEmpty().containsOnly("RETRY");
        assertThat(log.getString("[0].attemptLog[0].error")).isNotBlank();
        assertThat(log.getInt("[0].attempts")).isEqualTo(outcomes.size());
    }

    @Test
    void badLinksAndBadAddressesAreProblems() {
        given().get("/api/v1/mail/unsubscribe?token=not-a-token").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/mail/confirm").then().statusCode(404).contentType(PROBLEM);
        given().contentType("application/x-www-form-urlencoded").post("/api/v1/mail/unsubscribe?token=u."
                + "00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .then().statusCode(404).contentType(PROBLEM);
        subscribe("Bad", "exosome", "not-an-address", "daily").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("email.address"));
        subscribe("Bad", "exosome", "someone@example.org", "hourly").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("email.frequency"));
    }

    private static Response subscribe(String name, String q, String address, String frequency) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", name, "q", q, "email", Map.of("address", address, "frequency", frequency)))
                .post("/api/v1/subscriptions");
    }

    /** Follows the confirmation link of each mail, as the reader would: the page, then its button. */
    private void confirm(List<ReceivedMail> confirmations) {
        confirmations.forEach(m -> m.confirm(base));
    }

    private static void state(String id, String expected) {
        given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("email.state", equalTo(expected));
    }

    private static JsonPath deliveries(String id) {
        return given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id + "/email-deliveries").then()
                .statusCode(200).extract().jsonPath();
    }

    private SseClient stream(Response subscription) throws Exception {
        SseClient stream = new SseClient(base + subscription.<String>path("links.stream")
                .replaceFirst("^https?://[^/]+/", ""));
        assertThat(stream.next(":", Duration.ofSeconds(15))).as("stream opened").isNotNull();
        return stream;
    }

    /** The first {@code count} mails the SMTP server received for {@code address}, waiting for them. */
    private static List<ReceivedMail> mails(String address, int count) {
        return mails(address, count, MAIL_WAIT);
    }

    private static List<ReceivedMail> mails(String address, int count, Duration wait) {
        return ReceivedMail.await(address, count, wait);
    }
}
