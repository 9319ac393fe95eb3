package org.evwatch.deploy.manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.extractor.config.ExtractorConfig;
import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.gateway.imports.ImportSettings;
import org.evwatch.gateway.settings.GatewaySettings;
import org.evwatch.indexer.config.IndexConfig;

import io.smallrye.config.ConfigMappings;

/**
 * What one service reads, taken from the service itself: its {@code application.properties} (every key, and every
 * environment variable a value refers to) and its configuration mappings (every property name SmallRye Config maps).
 * The manifests and the compose file are checked against these facts, never against a list of their own.
 */
record ServiceSettings(String module, Properties properties, Set<String> propertyNames, Set<String> referencedEnv) {

    /** The service modules, in the order records flow. */
    static final List<String> MODULES = List.of("fetcher", "extractor", "indexer", "api-gateway");

    /** Each service's configuration mappings. */
    private static final Map<String, List<Class<?>>> MAPPINGS = Map.of(
            "fetcher", List.of(FetcherConfig.class, FetchConfig.class),
            "extractor", List.of(ExtractorConfig.class),
            "indexer", List.of(IndexConfig.class),
            "api-gateway", List.of(GatewaySettings.class, ImportSettings.class));

    /** The service token every service reads through evwatch-common's InternalApiGuard. */
    static final String INTERNAL_TOKEN = "evwatch.internal.token";

    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    private static final Pattern CLIENT_URL = Pattern.compile("quarkus\\.rest-client\\.[^.]+\\.url");
    private static final Pattern CLIENT_DEFAULT = Pattern.compile("\\$\\{([A-Z0-9_]+):http://127\\.0\\.0\\.1:(\\d+)}");

    static ServiceSettings load(Path root, String module) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve(module + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        Set<String> env = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            names.add(PROFILE.matcher(key).replaceFirst(""));
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                env.add(m.group(1));
            }
        }
        for (Class<?> mapping : MAPPINGS.get(module)) {
            names.addAll(ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping)).keySet());
        }
        names.add(INTERNAL_TOKEN);
        return new ServiceSettings(module, properties, names, env);
    }

    String property(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new AssertionError(module + " has no " + key);
        }
        return value;
    }

    /** The image name the build gives the service: its application name. */
    String applicationName() {
        return property("quarkus.application.name");
    }

    int port() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    boolean usesDatabase() {
        return properties.containsKey("quarkus.datasource.jdbc.url");
    }

    /** An internal API: it listens on loopback unless told otherwise, and then needs the service token. */
    boolean internal() {
        return "127.0.0.1".equals(properties.getProperty("quarkus.http.host"));
    }

    /** The consumer group of each topic the service consumes. */
    Map<String, String> consumerGroups() {
        Map<String, String> groups = new TreeMap<>();
        for (String channel : channels("incoming")) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            groups.put(property(prefix + "topic"), property(prefix + "group.id"));
        }
        return groups;
    }

    /**
     * The environment variables the service cannot run without outside a developer's machine: those its Kafka,
     * datasource and internal API client settings refer to (their defaults point at this machine).
     */
    Set<String> requiredEnv() {
        Set<String> required = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            boolean needed = key.equals("kafka.bootstrap.servers") || key.startsWith("quarkus.datasource.")
                    || CLIENT_URL.matcher(key).matches();
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (needed && m.find()) {
                required.add(m.group(1));
            }
        }
        return required;
    }

    /** The internal APIs the service calls: the variable of each client's URL, and the port of its default URL. */
    Map<String, Integer> clients() {
        Map<String, Integer> clients = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = CLIENT_DEFAULT.matcher(properties.getProperty(key));
            if (CLIENT_URL.matcher(key).matches() && m.matches()) {
                clients.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return clients;
    }

    /** Every topic the service names: consumed, produced, or its dead-letter topics. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.")
                    && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))) {
                topics.add(properties.getProperty(key));
            }
        }
        return topics;
    }

    private Set<String> channels(String direction) {
        Set<String> channels = new HashSet<>();
        String prefix = "mp.messaging." + direction + ".";
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.endsWith(".topic") && !key.endsWith(".dead-letter-queue.topic")) {
                channels.add(key.substring(prefix.length(), key.length() - ".topic".length()));
            }
        }
        return channels;
    }

    /**
     * Whether the service reads this environment variable: a value of its properties refers to it, or it is the
     * environment form of one of its property names (Quarkus: every character but letters and digits becomes '_',
     * upper case; a map key of a mapping, '*', stands for any name).
     */
    boolean reads(String variable) {
        return referencedEnv.contains(variable)
                || propertyNames.stream().anyMatch(name -> envPattern(name).matcher(variable).matches());
    }

    static Pattern envPattern(String propertyName) {
        String[] parts = propertyName.replace("[*]", "*").split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[A-Z0-9_]+");
            }
            regex.append(Pattern.quote(parts[i].replaceAll("[^A-Za-z0-9]", "_").toUpperCase()));
        }
        return Pattern.compile(regex.toString());
    }
}
