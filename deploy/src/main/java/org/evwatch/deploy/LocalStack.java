package org.evwatch.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.evwatch.events.Topics;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole system on one machine, each piece its own process: a single-node KRaft Kafka broker from the official
 * jars, PostgreSQL (the embedded server, or one given by URL), and the four service jars. Used by
 * {@code deploy/run.sh} and by the end-to-end test.
 */
public final class LocalStack implements AutoCloseable {

    /** The services in start order, with the module that builds each. */
    public static final List<String> SERVICES = List.of("indexer", "extractor", "fetcher", "api-gateway");

    /**
     * Where things are and which ports to use.
     *
     * @param root the repository root (service jars are under {@code <module>/target/quarkus-app})
     * @param runtime the folder for data, logs and PIDs
     * @param kafkaLib the folder of the Kafka broker's jars
     * @param externalDbUrl a PostgreSQL to use instead of the embedded one
     */
    public record Settings(Path root, Path runtime, Path kafkaLib, int kafkaPort, int controllerPort, int postgresPort,
            Optional<String> externalDbUrl, String dbUser, String dbPassword, Map<String, Integer> servicePorts) {

        /** Fixed, documented ports: the local runtime. */
        public static Settings standard(Path root, Path runtime, Path kafkaLib, Optional<String> dbUrl, String user,
                String password) {
            return standard(root, runtime, kafkaLib, dbUrl, user, password, 0);
        }

        /** The documented ports, each moved by {@code offset}: a second local runtime beside the first. */
        public static Settings standard(Path root, Path runtime, Path kafkaLib, Optional<String> dbUrl, String user,
                String password, int offset) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("api-gateway", 8080 + offset);
            ports.put("fetcher", 8081 + offset);
            ports.put("extractor", 8082 + offset);
            ports.put("indexer", 8083 + offset);
            ports.put("opensearch", 9200 + offset);
            return new Settings(root, runtime, kafkaLib, 9092 + offset, 9093 + offset, 15432 + offset, dbUrl, user,
                    password, ports);
        }

        /** Free ports everywhere: tests that must not clash with a running system. */
        public static Settings ephemeral(Path root, Path runtime, Path kafkaLib) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String s : SERVICES) {
                ports.put(s, freePort());
            }
            ports.put("opensearch", freePort());
            return new Settings(root, runtime, kafkaLib, freePort(), freePort(), freePort(), Optional.empty(),
                    "evwatch", "evwatch", ports);
        }
    }

    private final Settings settings;
    /** What this stack started, by name ("kafka", a service's module), in start order. */
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** Environment variables given to one service on top of the runtime's own, by service. */
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    /** JVM options that replace the default ones of a service, by service. */
    private final Map<String, List<String>> jvmOptions = new HashMap<>();
    /** Further instances of a service: their module by name, and their ports. */
    private final Map<String, String> instanceOf = new HashMap<>();
    private final Map<String, Integer> extraPorts = new HashMap<>();
    private EmbeddedPostgres postgres;
    private boolean openSearch;
    private boolean fromImages;
    private String jdbcUrl;
    private LocalSecrets secrets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public Path inbox() {
        return settings.runtime().resolve("inbox");
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    private int port(String service) {
        Integer extra = extraPorts.get(service);
        return extra != null ? extra : settings.servicePorts().get(service);
    }

    /**
     * Where the gateway writes mail, as {@code .eml} files: {@code <runtime>/mail} when no SMTP server is configured
     * ({@code EVWATCH_SMTP_HOST} and {@code QUARKUS_MAILER_HOST} unset); empty when mail goes to that server.
     */
    public Optional<Path> mailFolder() {
        boolean smtp = Stream.of("EVWATCH_SMTP_HOST", "QUARKUS_MAILER_HOST").map(System::getenv)
                .anyMatch(v -> v != null && !v.isBlank());
        return smtp ? Optional.empty() : Optional.of(settings.runtime().resolve("mail").toAbsolutePath());
    }

    /** The runtime's secrets (made on its first start); known once {@link #start()} has begun. */
    public LocalSecrets secrets() {
        return secrets;
    }

    /**
     * Sets an environment variable of one service (its module name), e.g. to switch a source on; it applies from
     * the service's next start and wins over the runtime's own values.
     */
    public LocalStack environment(String service, String key, String value) {
        environments.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /**
     * Runs each service from its container image ({@code <module>/target/image.tar}, built by
     * {@code deploy/images/build.sh}) instead of its jar, through {@code deploy/images/run-image.sh}: the image's own
     * entry point, user and working directory, in namespaces of its own (as root), with the runtime's settings and its
     * folders (inbox, index, mail) mounted in.
     */
    public LocalStack fromImages() {
        fromImages = true;
        return this;
    }

    /**
     * Replaces the JVM options of one service (its module name) from its next start. By default a service starts
     * quickly and small: {@code -Xmx512m}, the serial collector and only the first JIT tier.
     */
    public LocalStack jvmOptions(String service, List<String> options) {
        jvmOptions.put(service, List.copyOf(options));
        return this;
    }

    /**
     * Runs the indexers on an OpenSearch node that this stack starts before them (see {@link OpenSearchServer}), with
     * its data in {@code <runtime>/opensearch} and its log in {@code logs/opensearch.log}: what lets several indexers
     * serve one search index. Applies from the indexers' next start.
     */
    public LocalStack searchOnOpenSearch() {
        openSearch = true;
        return environment("indexer", "EVWATCH_INDEX_ENGINE", "opensearch")
                .environment("indexer", "EVWATCH_OPENSEARCH_URL", url("opensearch"));
    }

    /** Whether the indexers search on OpenSearch ({@link #searchOnOpenSearch}) rather than each on its own Lucene. */
    public boolean onOpenSearch() {
        return openSearch;
    }

    /** The services' database, once {@link #start()} has started it. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    /** Starts everything and waits until every service reports ready. */
    public LocalStack start() throws Exception {
        return start(SERVICES);
    }

    /**
     * Starts Kafka, PostgreSQL, OpenSearch when asked ({@link #searchOnOpenSearch}) and some of the services (module
     * names, or names given with {@link #addInstance}) all at once, and waits until each of those reports ready; the
     * others can be started later with {@link #restart}.
     */
    public LocalStack start(List<String> services) throws Exception {
        Files.createDirectories(settings.runtime().resolve("logs"));
        Files.createDirectories(inbox());
        secrets = LocalSecrets.loadOrCreate(settings.runtime());
        startKafka();
        createTopics();
        startPostgres();
        if (openSearch) {
            startOpenSearch();
        }
        return startTogether(services);
    }

    /**
     * Starts one more instance of a service (its module name) on a free port, under a name of its own (for
     * {@link #url}, {@link #kill}, {@link #restart}), with the service's environment, and waits until it is ready.
     */
    public LocalStack startInstance(String module, String name) throws Exception {
        return startInstances(module, List.of(name));
    }

    /** Starts several more instances of a service at once, as {@link #startInstance}, and waits until all are ready. */
    public LocalStack startInstances(String module, List<String> names) throws Exception {
        names.forEach(name -> addInstance(module, name));
        return startTogether(names);
    }

    /**
     * Names one more instance of a service (its module name), on a free port, to be started later with
     * {@link #start(List)}; settings given with {@link #environment} apply from then. A further fetcher or extractor
     * is named after the instance unless told otherwise: fetchers on one host must hold their sources' leases under
     * names of their own, and an extractor's name tells it apart in its group.
     */
    public LocalStack addInstance(String module, String name) {
        instanceOf.put(name, module);
        extraPorts.put(name, freePort());
        Map<String, String> own = environments.computeIfAbsent(name, s -> new LinkedHashMap<>());
        switch (module) {
            case "fetcher" -> own.putIfAbsent("EVWATCH_FETCHER_INSTANCE", name);
            case "extractor" -> own.putIfAbsent("EVWATCH_EXTRACTOR_INSTANCE", name);
            default -> {
                // nothing names the other services' instances
            }
        }
        return this;
    }

    /** Starts services not running yet (module or instance names) all at once, and waits until each is ready. */
    private LocalStack startTogether(List<String> names) throws Exception {
        for (String name : names) {
            startService(name);
        }
        for (String name : names) {
            awaitHttp(url(name) + "/q/health/ready", Duration.ofSeconds(180), name);
        }
        return this;
    }

    /**
     * Kills one part of the stack at once, as {@code kill -9} would: {@code "kafka"}, {@code "postgres"} (the embedded
     * server), {@code "opensearch"} or a service's module name. Nothing is flushed or closed.
     */
    public void kill(String name) throws IOException, InterruptedException {
        if (name.equals("postgres")) {
            long pid = Long.parseLong(Files.readAllLines(settings.runtime().resolve("postgres/postmaster.pid")).get(0)
                    .trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().join();
            // Releases the library's lock on the data directory; its attempt to stop the dead server only logs.
            postgres.close();
            postgres = null;
            return;
        }
        Process p = processes.remove(name);
        if (p == null) {
            throw new IllegalArgumentException("nothing named " + name + " runs");
        }
        p.destroyForcibly().waitFor();
    }

    /** Stops one service (its module name or an instance's name) as {@link #close()} does: SIGTERM, then waits. */
    public void stop(String name) {
        Process p = processes.remove(name);
        if (p == null) {
            throw new IllegalArgumentException("nothing named " + name + " runs");
        }
        stop(p);
    }

    /** Starts again what {@link #kill} stopped, and waits until it is ready. */
    public void restart(String name) throws Exception {
        switch (name) {
            case "postgres" -> startPostgres();
            case "kafka" -> startKafka();
            case "opensearch" -> startOpenSearch();
            default -> {
                startService(name);
                awaitHttp(url(name) + "/q/health/ready", Duration.ofSeconds(180), name);
            }
        }
    }

    private void startKafka() throws Exception {
        Path dir = settings.runtime().resolve("kafka");
        Path logs = dir.resolve("data");
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + settings.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logs.toAbsolutePath().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        Path config = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "Single-node KRaft broker of the EVwatch local runtime");
        }
        if (!Files.exists(logs.resolve("meta.properties"))) {
            Process format = java(kafkaClassPath(),
                    List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                            config.toString(), "--ignore-formatted"),
                    Map.of(),
                    settings.runtime().resolve("logs/kafka-format.log"));
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see logs/kafka-format.log");
            }
        }
        track(java(kafkaClassPath(), List.of("kafka.Kafka", config.toString()), Map.of(),
                settings.runtime().resolve("logs/kafka.log")),
                "kafka");
        awaitPort(settings.kafkaPort(), Duration.ofSeconds(60), "kafka");
    }

    private void createTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            for (Topics.Spec topic : Topics.ALL) {
                try {
                    NewTopic created = new NewTopic(topic.name(), topic.partitions(), (short) 1)
                            .configs(Map.of("retention.ms", String.valueOf(topic.retention().toMillis())));
                    admin.createTopics(List.of(created)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The records on each dead-letter topic, by topic; topics without any are left out. */
    public Map<String, Long> deadLetters() throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Topics.Spec topic : Topics.ALL) {
            for (int p = 0; topic.deadLetter() && p < topic.partitions(); p++) {
                latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                if (end.offset() > 0) {
                    counts.merge(partition.topic(), end.offset(), Long::sum);
                }
            });
        }
        return counts;
    }

    private void startPostgres() throws IOException, SQLException {
        if (settings.externalDbUrl().isPresent()) {
            jdbcUrl = settings.externalDbUrl().get();
            return;
        }
        Path data = settings.runtime().resolve("postgres");
        postgres = EmbeddedPostgres.builder()
                .setPort(settings.postgresPort())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // Stopped by close(), after the services: the library's own JVM shutdown hook would stop it while
                // services are still finishing their batches.
                .setRegisterShutdownHook(false)
                // Durable commits: the library's defaults trade them for speed (asynchronous commit, no fsync), and a
                // PostgreSQL killed then loses transactions it had already confirmed.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                        settings.runtime().resolve("logs/postgres.log").toFile()))
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var exists = s.executeQuery("select 1 from pg_roles where rolname = 'evwatch'");
            if (!exists.next()) {
                s.execute("create role evwatch login password 'evwatch'");
                s.execute("create database evwatch owner evwatch");
            }
        }
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/evwatch";
        // Fail early with a clear message if the service user cannot connect.
        DriverManager.getConnection(jdbcUrl, settings.dbUser(), settings.dbPassword()).close();
    }

    private void startService(String name) throws IOException {
        String module = instanceOf.getOrDefault(name, name);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(name)));
        env.put("EVWATCH_KAFKA", kafkaBootstrap());
        env.put("EVWATCH_DB_URL", jdbcUrl);
        env.put("EVWATCH_DB_USER", settings.dbUser());
        env.put("EVWATCH_DB_PASSWORD", settings.dbPassword());
        env.put("EVWATCH_INDEXER_URL", url("indexer"));
        env.put("EVWATCH_FETCHER_URL", url("fetcher"));
        env.put("EVWATCH_FETCHER_INBOX_DIR", inbox().toAbsolutePath().toString());
        env.put("EVWATCH_INDEX_DIR", settings.runtime().resolve("index").toAbsolutePath().toString());
        env.putAll(secrets.env(module));
        if (module.equals("api-gateway")) {
            mailFolder().ifPresent(folder -> env.put("EVWATCH_GATEWAY_MAIL_FOLDER", folder.toString()));
        }
        env.putAll(environments.getOrDefault(module, Map.of()));
        env.putAll(environments.getOrDefault(name, Map.of()));
        List<String> options = jvmOptions.getOrDefault(module, List.of("-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        List<String> command = fromImages ? imageCommand(module, name, options, env) : jarCommand(module, options);
        ProcessBuilder pb = new ProcessBuilder(command).directory(settings.runtime().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.runtime().resolve("logs/" + name + ".log")
                        .toFile()));
        pb.environment().putAll(env);
        track(pb.start(), name);
    }

    private List<String> jarCommand(String module, List<String> options) {
        Path jar = settings.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -B package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /**
     * The service's image run by {@code deploy/images/run-image.sh}, its JVM options given as
     * {@code JAVA_TOOL_OPTIONS}, the runtime's folders it uses mounted at their own paths, its root file system
     * unpacked under the runtime's {@code rootfs} folder.
     */
    private List<String> imageCommand(String module, String name, List<String> options, Map<String, String> env) {
        Path image = settings.root().resolve(module).resolve("target/image.tar");
        if (!Files.exists(image)) {
            throw new IllegalStateException(image + " is missing: build the images first with deploy/images/build.sh");
        }
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        List<String> mounts = new ArrayList<>(List.of(env.get("EVWATCH_FETCHER_INBOX_DIR"),
                env.get("EVWATCH_INDEX_DIR")));
        mailFolder().ifPresent(folder -> mounts.add(folder.toString()));
        env.put("EVWATCH_IMAGE_MOUNTS", String.join(":", mounts));
        env.put("EVWATCH_IMAGE_ROOTFS", settings.runtime().resolve("rootfs").resolve(name).toAbsolutePath()
                .toString());
        return List.of(settings.root().resolve("deploy/images/run-image.sh").toString(), image.toString());
    }

    /**
     * The OpenSearch node, on loopback: its own jars ({@code target/opensearch}) with the runtime's
     * ({@code target/lib}, where the dependencies it shares with the runtime are) and the launcher's class.
     */
    private void startOpenSearch() throws Exception {
        Path lib = settings.kafkaLib().toAbsolutePath();
        String classPath = String.join(java.io.File.pathSeparator, lib.resolveSibling("classes").toString(),
                lib.resolveSibling("opensearch") + "/*", lib + "/*");
        Path data = settings.runtime().resolve("opensearch").toAbsolutePath();
        Files.createDirectories(data);
        track(java(classPath, List.of("-Xms512m", "-Xmx1g", OpenSearchServer.class.getName(), data.toString(),
                String.valueOf(port("opensearch")), String.valueOf(freePort())), Map.of(),
                settings.runtime().resolve("logs/opensearch.log")), "opensearch");
        awaitHttp(url("opensearch") + "/_cluster/health?wait_for_status=yellow&timeout=2s", Duration.ofSeconds(180),
                "opensearch");
    }

    private String kafkaClassPath() {
        return settings.kafkaLib().toAbsolutePath() + "/*";
    }

    private Process java(String classPath, List<String> args, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-cp", classPath));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    private void track(Process process, String name) throws IOException {
        processes.put(name, process);
        Files.writeString(settings.runtime().resolve("pids"), process.pid() + " " + name + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Copies a file into the inbox so that it appears there whole. */
    public Path drop(Path file, String as) throws IOException {
        Path tmp = inbox().resolve(as + ".part");
        Files.copy(file, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, inbox().resolve(as), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** GET a URL; the status and body. */
    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public void awaitHttp(String url, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            checkAlive();
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(what + " not ready at " + url + " within " + timeout + "; see "
                + settings.runtime().resolve("logs"));
    }

    private void awaitPort(int port, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            checkAlive();
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException(what + " not listening on " + port + " within " + timeout);
    }

    private void checkAlive() {
        for (Process p : processes.values()) {
            if (!p.isAlive()) {
                throw new IllegalStateException("process " + p.pid() + " exited with " + p.exitValue() + "; see "
                        + settings.runtime().resolve("logs"));
            }
        }
    }

    /**
     * Stops everything this stack started: the services (each with its further instances) in the order records flow
     * through them, each while Kafka and PostgreSQL are still up (so it finishes or abandons its batch without
     * committing it), then Kafka, then PostgreSQL.
     */
    @Override
    public void close() {
        List<String> order = new ArrayList<>();
        for (String module : List.of("fetcher", "extractor", "indexer", "api-gateway")) {
            order.add(module);
            instanceOf.forEach((name, of) -> {
                if (of.equals(module)) {
                    order.add(name);
                }
            });
        }
        order.add("opensearch");
        order.add("kafka");
        processes.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
        for (String name : order) {
            Process p = processes.remove(name);
            if (p != null) {
                stop(p);
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
        try {
            Files.deleteIfExists(settings.runtime().resolve("pids"));
        } catch (IOException e) {
            // nothing left to stop
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String clusterId() {
        // Kafka's own generator: never starts with '-', which the storage tool would read as an option.
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
