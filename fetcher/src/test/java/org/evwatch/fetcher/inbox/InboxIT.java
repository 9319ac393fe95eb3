package org.evwatch.fetcher.inbox;

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
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.Topics;
import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.fetcher.testsupport.FetchedRecords;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The inbox against the real Kafka broker and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class InboxIT {

    private final FetcherConfig config;

    InboxIT(FetcherConfig config) {
        this.config = config;
    }

    @Test
    void eachArticleIsSentOnceEvenWhenTheFileIsDroppedTwice() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            drop("two-articles.xml", "batch-1.xml");
            List<PaperFetched> first = receive(consumer, r -> r.key().startsWith("9910000"), 2);
            assertThat(first).extracting(PaperFetched::sourceRecordId).containsExactlyInAnyOrder("99100001",
                    "99100002");
            PaperFetched one = first.stream().filter(p -> p.sourceRecordId().equals("99100001")).findFirst()
                    .orElseThrow();
            assertThat(one.source()).isEqualTo("inbox");
            assertThat(one.contentType()).isEqualTo(ContentTypes.PUBMED_XML);
            assertThat(one.payload()).contains("<PMID Version=\"1\">99100001</PMID>");
            assertThat(one.update()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> processed("-batch-1.xml"));

            drop("two-articles.xml", "batch-1-again.xml");
            await().atMost(Duration.ofSeconds(10)).until(() -> processed("-batch-1-again.xml"));
            assertThat(consumer.poll(Duration.ofSeconds(2))).noneMatch(r -> r.key().startsWith("9910000"));
        }
        RestAssured.get("/internal/v1/sources").then().statusCode(200);
    }

    @Test
    void malformedFileIsRejectedWithItsReasonAndGoodFilesStillFlow() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            drop("truncated.xml", "a-broken.xml");
            String good = resource("two-articles.xml").replace("99100001", "99100011").replace("99100002",
                    "99100012");
            Files.writeString(config.inbox().dir().resolve("b-good.xml"), good);

            List<PaperFetched> received = receive(consumer, r -> r.key().startsWith("9910001"), 2);
            assertThat(received).extracting(PaperFetched::sourceRecordId).containsExactlyInAnyOrder("99100011",
                    "99100012");
            await().atMost(Duration.ofSeconds(10)).until(() -> filesIn("rejected").stream()
                    .anyMatch(p -> p.getFileName().toString().endsWith("a-broken.xml.reason.txt")));
            Path reason = filesIn("rejected").stream()
                    .filter(p -> p.getFileName().toString().endsWith("a-broken.xml.reason.txt")).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(reason)).contains("malformed XML at line");
        }
    }

    @Test
    void aLibraryWithSomeBadRecordsIsProcessedAndNamesThemInARejectedFile() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            drop("partly-bad.ris", "lab-library.ris");
            List<PaperFetched> sent = receive(consumer, r -> r.key().startsWith("ris:doi:10.5555/evwatch.inbox."), 2);
            assertThat(sent).extracting(PaperFetched::sourceRecordId).containsExactlyInAnyOrder(
                    "ris:doi:10.5555/evwatch.inbox.1", "ris:doi:10.5555/evwatch.inbox.3");
            assertThat(sent).allSatisfy(p -> assertThat(p.contentType()).isEqualTo(ContentTypes.RIS));
            await().atMost(Duration.ofSeconds(10)).until(() -> processed("-lab-library.ris.rejected.txt"));

            Path named = filesIn("processed").stream()
                    .filter(p -> p.getFileName().toString().endsWith("-lab-library.ris.rejected.txt")).findFirst()
                    .orElseThrow();
            // one line an entry, its white space folded
            assertThat(Files.readAllLines(named)).containsExactly(
                    "record at line 14: the record has no title (TI or T1)",
                    "record at line 29: the record is not closed with an 'ER - ' line (the file may be cut short)");
            String file = named.getFileName().toString().replace(".rejected.txt", "");
            assertThat(named.resolveSibling(file)).exists();
            assertThat(filesIn("rejected")).noneMatch(p -> p.getFileName().toString().contains("lab-library"));
            assertThat(consumer.poll(Duration.ofSeconds(1))).noneMatch(r -> r.key().startsWith(
                    "ris:doi:10.5555/evwatch.inbox."));
        }
    }

    @Test
    void hostileFilesAreRejectedWithAReasonAndGoodFilesAroundThemStillFlow(@TempDir Path tmp) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            dropText(goodArticles("9910002"), "h0-good-before.xml");
            receive(consumer, r -> r.key().startsWith("9910002"), 2);

            Map<String, String> expected = HostileFiles.write(config.inbox().dir(), tmp);
            dropText(goodArticles("9910003"), "hz-good-after.xml");

            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            List<PaperFetched> after = receive(consumer, r -> seen.add(r) && r.key().startsWith("9910003"), 2);
            assertThat(after).extracting(PaperFetched::sourceRecordId).containsExactlyInAnyOrder("99100031",
                    "99100032");
            await().atMost(Duration.ofSeconds(20)).until(() -> expected.keySet().stream().allMatch(this::rejected));
            for (Map.Entry<String, String> e : expected.entrySet()) {
                String reason = Files.readString(reasonOf(e.getKey()));
                assertThat(reason).as("reason for %s", e.getKey()).containsPattern(e.getValue()).hasLineCount(1);
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(seen::add);
            assertThat(seen).as("no article of a hostile file was sent").extracting(ConsumerRecord::key)
                    .noneMatch(k -> k.startsWith(HostileFiles.PMID_PREFIX));
        } finally {
            // The 50 MB file is not kept in target/.
            for (Path p : filesIn("rejected")) {
                if (p.getFileName().toString().endsWith(HostileFiles.BIG)) {
                    Files.delete(p);
                }
            }
        }
    }

    @BeforeAll
    static void emptyInbox() throws IOException {
        Path dir = Path.of("target/test-inbox");
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void drop(String resource, String as) throws IOException {
        dropText(resource(resource), as);
    }

    private static String goodArticles(String prefix) throws IOException {
        return resource("two-articles.xml").replace("99100001", prefix + "1").replace("99100002", prefix + "2");
    }

    private void dropText(String text, String as) throws IOException {
        Path dir = config.inbox().dir();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + as);
        Files.writeString(tmp, text);
        Files.move(tmp, dir.resolve(as));
    }

    private boolean rejected(String name) {
        try {
            return reasonOf(name) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private Path reasonOf(String name) throws IOException {
        return filesIn("rejected").stream().filter(p -> p.getFileName().toString().endsWith("-" + name
                + ".reason.txt")).findFirst().orElse(null);
    }

    private boolean processed(String suffix) throws IOException {
        return filesIn("processed").stream().anyMatch(p -> p.getFileName().toString().endsWith(suffix));
    }

    private List<Path> filesIn(String folder) throws IOException {
        Path dir = config.inbox().dir().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static List<PaperFetched> receive(KafkaConsumer<String, byte[]> consumer,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> match, int count) {
        return FetchedRecords.receive(consumer, match, count, 20);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = InboxIT.class.getResourceAsStream("/inbox/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
