package org.evwatch.fetcher.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.Topics;
import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.fetcher.persistence.Replay;
import org.evwatch.fetcher.persistence.Replays;
import org.evwatch.fetcher.testsupport.FetchedRecords;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Replays against the real Kafka broker and PostgreSQL: every record the fetcher sent is sent again exactly as it was
 * (key, payload, hash, fetch time), a record sent before copies were kept is counted as missing, a running replay is
 * the one a second start gives, and an interrupted one resumes after its last acknowledged page.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class ReplayIT {

    @Inject
    FetcherConfig config;
    @Inject
    Replays replays;
    @Inject
    EntityManager em;
    @Inject
    UserTransaction transaction;

    @Test
    void everySentRecordIsSentAgainAsItWasAndAStartWhileOneRunsGivesThatOne() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            drop("99170", "replay-a.xml");
            List<PaperFetched> original = FetchedRecords.receive(consumer, r -> r.key().startsWith("9917000"), 2,
                    20);
            inTransaction(() -> em.createNativeQuery("insert into sent_record (source, record_id, content_hash, "
                    + "sent_at) values ('inbox', '99170000', repeat('0', 64), now())").executeUpdate());

            long id = startTwiceInOneTransaction();
            assertThat(RestAssured.given().post("/internal/v1/replays").then().statusCode(202).extract()
                    .jsonPath().getLong("id")).isEqualTo(id);
            List<PaperFetched> again = FetchedRecords.receive(consumer, r -> r.key().startsWith("9917000"), 2, 30);
            assertThat(again).containsExactlyInAnyOrderElementsOf(original);
            JsonPath done = awaitDone(id);
            assertThat(done.getLong("done")).isEqualTo(done.getLong("total"));
            assertThat(done.getLong("missing")).isGreaterThanOrEqualTo(1);
            assertThat(done.getLong("sent")).isEqualTo(done.getLong("total") - done.getLong("missing"))
                    .isGreaterThanOrEqualTo(2);

            long next = RestAssured.given().post("/internal/v1/replays").then().statusCode(202).extract()
                    .jsonPath().getLong("id");
            assertThat(next).as("a new replay once the last is done").isGreaterThan(id);
            awaitDone(next);
            assertThat(FetchedRecords.receive(consumer, r -> r.key().startsWith("9917000"), 2, 30))
                    .containsExactlyInAnyOrderElementsOf(original);
        }
        RestAssured.get("/internal/v1/replays").then().statusCode(200);
        RestAssured.get("/internal/v1/replays/999999").then().statusCode(404);
    }

    @Test
    void anInterruptedReplayResumesAfterItsLastAcknowledgedPage() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            drop("99171", "replay-b.xml");
            FetchedRecords.receive(consumer, r -> r.key().startsWith("9917100"), 2, 20);
            awaitNoneRunning();
            long id = inTransaction(() -> {
                long started = replays.start().id();
                Replay.update("afterSource = 'inbox', afterRecordId = '991710001', sent = 1 where id = ?1",
                        started);
                return started;
            });
            assertThat(RestAssured.given().post("/internal/v1/replays").then().statusCode(202).extract().jsonPath()
                    .getLong("id")).isEqualTo(id);
            awaitDone(id);
            List<String> sent = new ArrayList<>();
            long until = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> sent.add(r.key()));
            }
            assertThat(sent).as("the first page acknowledged before the stop is not sent again")
                    .filteredOn(key -> key.startsWith("9917100")).containsExactly("991710002");
        }
    }

    /** Two starts in one transaction, before any runner can see the first: the second gives the first. */
    private long startTwiceInOneTransaction() throws Exception {
        awaitNoneRunning();
        return inTransaction(() -> {
            Replays.View first = replays.start();
            Replays.View second = replays.start();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(first.state()).isEqualTo(Replay.State.RUNNING);
            assertThat(first.total()).isGreaterThanOrEqualTo(3);
            return first.id();
        });
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        }
    }

    private void awaitNoneRunning() {
        await().atMost(Duration.ofSeconds(30)).until(() -> replays.running().isEmpty());
    }

    private static JsonPath awaitDone(long id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = RestAssured.get("/internal/v1/replays/" + id).then().statusCode(200).extract().jsonPath();
            return "DONE".equals(last[0].getString("state"));
        });
        return last[0];
    }

    /** Two PubMed articles, numbered {@code prefix}0001 and {@code prefix}0002, dropped into the inbox. */
    private void drop(String prefix, String as) throws IOException {
        String text;
        try (InputStream in = ReplayIT.class.getResourceAsStream("/inbox/two-articles.xml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("99100001", prefix + "0001")
                    .replace("99100002", prefix + "0002");
        }
        Path dir = config.inbox().dir();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + as);
        Files.writeString(tmp, text);
        Files.move(tmp, dir.resolve(as));
    }
}
