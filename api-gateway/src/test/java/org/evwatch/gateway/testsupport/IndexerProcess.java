package org.evwatch.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.common.access.InternalApiGuard;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.testing.Infrastructure;
import org.evwatch.testing.TestKafka;

/**
 * The real indexer behind the gateway: its built application ({@code indexer/target/quarkus-app}) runs as a child
 * process on a free port, against the same Kafka broker and PostgreSQL server as the gateway under test, with an
 * index directory of its own. The fixture papers reach it as {@code papers.extracted} records, the way the extractor
 * sends them; the gateway starts once they are searchable and announced on {@code papers.indexed}, and reads only
 * what is announced after that, so the catalog's fixture papers are not news to its subscriptions.
 */
public class IndexerProcess implements QuarkusTestResourceLifecycleManager {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration INDEXING = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The indexer requires it, so every gateway test also proves that the gateway's indexer client sends it. */
    private static final String SERVICE_TOKEN = "gateway-tests-indexer-token-0123456789";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path indexDir;
    private Path log;

    @Override
    public Map<String, String> start() {
        try {
            String url = launch();
            awaitReady(url);
            try (KafkaConsumer<String, byte[]> announced = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
                for (String name : Fixtures.PAPERS) {
                    PaperExtracted record = Fixtures.extracted(name);
                    TestKafka.send(Topics.PAPERS_EXTRACTED, record.paperKey(), EventJson.write(record));
                }
                awaitAnnounced(announced);
            }
            awaitSearchable(url);
            return Map.of("quarkus.rest-client.indexer.url", url,
                    "mp.messaging.incoming.papers-indexed.auto.offset.reset", "latest",
                    InternalApiGuard.TOKEN_SETTING, SERVICE_TOKEN);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("could not start the indexer", e);
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        deleteIndexDir();
    }

    private String launch() throws IOException {
        Path jar = Path.of(System.getProperty("evwatch.indexer.jar",
                "../indexer/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no indexer application at " + jar.toAbsolutePath()
                    + "; build it first: ./mvnw -pl indexer -am package -DskipTests");
        }
        int port = freePort();
        indexDir = Files.createTempDirectory("evwatch-indexer-index");
        log = Path.of("target", "indexer-process.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "EVWATCH_KAFKA", Infrastructure.kafkaBootstrapServers(),
                "EVWATCH_DB_URL", Infrastructure.jdbcUrl(System.getProperty("evwatch.test.database", "evwatch")),
                "EVWATCH_DB_USER", "postgres",
                "EVWATCH_DB_PASSWORD", "postgres",
                "EVWATCH_INDEX_DIR", indexDir.toString(),
                InternalApiGuard.TOKEN_ENV, SERVICE_TOKEN));
        process = pb.start();
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(String url) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the indexer exited with " + process.exitValue() + "; see " + log);
            }
            if (status(url + "/q/health/ready") == 200) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("the indexer was not ready within " + STARTUP + "; see " + log);
    }

    private void awaitAnnounced(KafkaConsumer<String, byte[]> announced) {
        Set<String> waiting = new HashSet<>();
        Fixtures.PAPERS.forEach(name -> waiting.add(Fixtures.paper(name).id()));
        long deadline = System.nanoTime() + INDEXING.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            announced.poll(Duration.ofMillis(200)).forEach(r -> waiting.remove(r.key()));
        }
        if (!waiting.isEmpty()) {
            throw new IllegalStateException("the indexer did not announce " + waiting + "; see " + log);
        }
    }

    private void awaitSearchable(String url) throws IOException {
        long deadline = System.nanoTime() + INDEXING.toNanos();
        while (System.nanoTime() < deadline) {
            String body = get(url + "/internal/v1/search?facets=&highlight=false");
            if (body != null && JSON.readTree(body).path("total").asInt() == Fixtures.PAPERS.size()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("the fixture papers were not searchable within " + INDEXING);
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + SERVICE_TOKEN).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void deleteIndexDir() {
        if (indexDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(indexDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory; the system cleans it up eventually
        }
        indexDir = null;
    }
}
