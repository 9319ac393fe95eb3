package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The log files of services started with {@code EVWATCH_LOG_JSON=true}: one JSON object per line. */
final class JsonLogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLogs() {
    }

    /** Sends one record to {@code topic} of the stack's broker, with a {@code traceparent} header. */
    static void publish(LocalStack stack, String topic, String key, String value, String traceparent)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, value);
            r.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
            producer.send(r).get();
        }
    }

    /** The first line of the log that matches, or null. */
    static JsonNode find(Path log, Predicate<JsonNode> wanted) throws IOException {
        return lines(log).stream().filter(wanted).findFirst().orElse(null);
    }

    /**
     * Every line the service wrote once its logging started is a JSON object with a level, a message and the
     * service's name. What the JVM prints before that (its own warnings) is not the service's log.
     */
    static void assertAllJson(Path log) throws IOException {
        List<String> raw = Files.readAllLines(log, StandardCharsets.UTF_8);
        int first = 0;
        while (first < raw.size() && !raw.get(first).startsWith("{")) {
            first++;
        }
        assertThat(first).as("JSON lines in " + log).isLessThan(raw.size());
        for (String line : raw.subList(first, raw.size())) {
            JsonNode node = parse(line);
            assertThat(node).as(log.getFileName() + " line is not a JSON object: " + line).isNotNull();
            assertThat(node.path("level").asText()).as(line).isNotEmpty();
            assertThat(node.path("service").asText()).as(line).startsWith("evwatch-");
        }
    }

    private static List<JsonNode> lines(Path log) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode node = parse(line);
            if (node != null) {
                out.add(node);
            }
        }
        return out;
    }

    private static JsonNode parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
