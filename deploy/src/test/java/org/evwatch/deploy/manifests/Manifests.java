package org.evwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** Reading the deployment files: YAML documents, and resources read strictly into their Kubernetes or Strimzi model. */
final class Manifests {

    /** Plain YAML, as a tree. */
    static final ObjectMapper YAML = new YAMLMapper();

    /**
     * Reads a resource into its model class and fails on any field the class does not have, at any depth. The
     * Kubernetes (fabric8) and Strimzi models keep unknown fields in a catch-all map; that catch-all is switched off
     * here, so that a misspelt or misplaced field is an error with its path, as the API server's strict field
     * validation would report it.
     */
    static final ObjectMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }

                @Override
                public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
                    return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
                }
            })
            .build();

    /** The kinds the manifests may hold that have a model to be read into. */
    static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("Namespace", Namespace.class),
            Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("Secret", Secret.class),
            Map.entry("Service", Service.class),
            Map.entry("PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("Deployment", Deployment.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("Kafka", Kafka.class),
            Map.entry("KafkaNodePool", KafkaNodePool.class),
            Map.entry("KafkaTopic", KafkaTopic.class));

    /** One YAML document of a file. */
    record Document(Path file, JsonNode node) {

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        /** The document read strictly into its model; fails with the file and the field at fault. */
        <T> T read(Class<T> model) {
            try {
                return STRICT.treeToValue(node, model);
            } catch (IOException e) {
                throw new AssertionError(file + ": " + kind() + " " + name() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return file.getFileName() + ": " + kind() + " " + name();
        }
    }

    private Manifests() {
    }

    /**
     * A resource read strictly into its Kubernetes or Strimzi model, after checking that its kind has one and that its
     * apiVersion is the model's. KEDA's ScaledObject has no model: null.
     */
    static HasMetadata readStrictly(Document d) {
        if (d.kind().equals("ScaledObject")) {
            return null;
        }
        Class<? extends HasMetadata> model = MODELS.get(d.kind());
        assertThat(model).as(d + ": a kind with a model").isNotNull();
        assertThat(d.node().path("apiVersion").asText()).as(d + ": apiVersion").isEqualTo(apiVersion(model));
        HasMetadata resource = d.read(model);
        assertThat(resource.getMetadata().getName()).as(d + ": name").isNotBlank();
        return resource;
    }

    /**
     * The model's API version; for Strimzi's, v1 of the model's group: the model classes (of the last Strimzi release
     * built for Java 17) carry v1beta2, whose fields are v1's plus a few deprecated ones.
     */
    private static String apiVersion(Class<? extends HasMetadata> model) {
        String group = HasMetadata.getGroup(model);
        return "kafka.strimzi.io".equals(group) ? group + "/v1" : HasMetadata.getApiVersion(model);
    }

    /** The documents of one kind, read into its model. */
    static <T> List<T> all(List<Document> documents, String kind, Class<T> model) {
        return documents.stream().filter(d -> d.kind().equals(kind)).map(d -> d.read(model)).toList();
    }

    /** The one document of a kind, read into its model. */
    static <T> T one(List<Document> documents, String kind, Class<T> model) {
        List<T> found = all(documents, kind, model);
        assertThat(found).as("one " + kind).hasSize(1);
        return found.get(0);
    }

    /** The Deployment's only container. */
    static Container container(Deployment d) {
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** A strategic-merge patch that removes the resource it names ({@code $patch: delete}) rather than changing it. */
    static boolean isDeletion(Document d) {
        return "delete".equals(d.node().path("$patch").asText());
    }

    /** The documents of a YAML file, in order, empty ones left out. */
    static List<Document> documents(Path file) {
        try {
            return documents(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The documents of YAML text that came from {@code source}, in order, empty ones left out. */
    static List<Document> documents(Path source, String yaml) {
        List<Document> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(new Document(source, node));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source.toString(), e);
        }
        return documents;
    }

    /** The keys secrets.env.example of an overlay lists: those of the Secret the operator creates from it. */
    static Set<String> secretsExampleKeys(Path overlay) {
        return Set.copyOf(envFile(overlay.resolve("secrets.env.example")).keySet());
    }

    /**
     * The ConfigMaps a kustomization generates ({@code configMapGenerator}), by name, each with the keys and values of
     * its env files and literals (each key once in each, as Kustomize requires).
     */
    static Map<String, Map<String, String>> generatedConfigMaps(Path folder) {
        JsonNode kustomization = documents(folder.resolve("kustomization.yaml")).get(0).node();
        Map<String, Map<String, String>> generated = new LinkedHashMap<>();
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            Map<String, String> data = new LinkedHashMap<>();
            for (JsonNode env : generator.path("envs")) {
                data.putAll(envFile(folder.resolve(env.asText())));
            }
            for (JsonNode literal : generator.path("literals")) {
                data.putAll(envLines(List.of(literal.asText())));
            }
            generated.put(generator.path("name").asText(), data);
        }
        return generated;
    }

    /** The keys and values of an env file ({@code KEY=value} lines; blank lines and {@code #} comments left out). */
    static Map<String, String> envFile(Path file) {
        try {
            return envLines(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static Map<String, String> envLines(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                int eq = l.indexOf('=');
                assertThat(eq).as("KEY=value: " + l).isPositive();
                assertThat(values.put(l.substring(0, eq), l.substring(eq + 1))).as("a key given twice: " + l)
                        .isNull();
            }
        }
        return values;
    }

    /** The repository root: the nearest folder up from here that holds deploy/compose.yaml. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/compose.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/compose.yaml above " + Path.of("").toAbsolutePath());
    }
}
