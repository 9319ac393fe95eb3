package org.evwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code deploy/run.sh}: starts the whole system, drops the sample papers into the inbox, waits until the gateway
 * serves every one of them, prints the URLs, and runs until stopped (Ctrl-C or {@code deploy/stop.sh}).
 *
 * <p>
 * Environment: {@code EVWATCH_RUNTIME_DIR} (default {@code .runtime}), {@code EVWATCH_DB_URL},
 * {@code EVWATCH_DB_USER}, {@code EVWATCH_DB_PASSWORD} (a PostgreSQL to use instead of the embedded one),
 * {@code EVWATCH_PORT_OFFSET} (added to every port, to run a second local runtime beside the first).
 */
public final class LocalRuntime {

    private static final Pattern PMID = Pattern.compile("<PMID Version=\"1\">(\\d+)</PMID>");

    private LocalRuntime() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path runtime = root.resolve(env("EVWATCH_RUNTIME_DIR", ".runtime"));
        Path lib = root.resolve("deploy/target/lib");
        Files.createDirectories(runtime);
        Files.writeString(runtime.resolve("pids"), ProcessHandle.current().pid() + " local-runtime\n");
        Optional<String> dbUrl = Optional.ofNullable(System.getenv("EVWATCH_DB_URL")).filter(s -> !s.isBlank());
        LocalStack stack = new LocalStack(LocalStack.Settings.standard(root, runtime, lib, dbUrl,
                env("EVWATCH_DB_USER", "evwatch"), env("EVWATCH_DB_PASSWORD", "evwatch"),
                Integer.parseInt(env("EVWATCH_PORT_OFFSET", "0"))));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping EVwatch...");
            stack.close();
            System.out.println("EVwatch stopped.");
        }, "stop-evwatch"));

        System.out.println("Starting Kafka, PostgreSQL" + (dbUrl.isPresent() ? " (" + dbUrl.get() + ")" : "")
                + " and the four services; logs in " + runtime.resolve("logs"));
        stack.start();

        List<Path> samples = samples(root.resolve("deploy/samples/pubmed"));
        for (Path sample : samples) {
            stack.drop(sample, "sample-" + sample.getFileName());
        }
        List<String> pmids = pmids(samples);
        System.out.println("Dropped " + samples.size() + " sample files (" + pmids.size()
                + " papers) into the inbox; waiting for them at the gateway...");
        for (String pmid : pmids) {
            stack.awaitHttp(stack.url("api-gateway") + "/api/v1/papers/pmid:" + pmid, Duration.ofSeconds(120),
                    "sample paper " + pmid);
        }
        String gateway = stack.url("api-gateway");
        System.out.println();
        System.out.println("EVwatch is running. " + pmids.size() + " sample papers are searchable.");
        System.out.println("  Web page        " + gateway + "/");
        System.out.println("  Search API      " + gateway + "/api/v1/papers?q=exosome");
        System.out.println("  API docs        " + gateway + "/q/swagger-ui");
        System.out
                .println("  Fetcher         " + stack.url("fetcher") + "/q/swagger-ui (inbox: " + stack.inbox() + ")");
        System.out.println("  Extractor       " + stack.url("extractor") + "/q/swagger-ui");
        System.out.println("  Indexer         " + stack.url("indexer") + "/q/swagger-ui");
        System.out.println("  Kafka           " + stack.kafkaBootstrap());
        System.out.println("  Admin API key   in " + stack.secrets().file() + " (" + LocalSecrets.ADMIN_KEY
                + "), with the service token that the internal APIs above require (" + LocalSecrets.INTERNAL_TOKEN
                + ")");
        System.out.println("Stop with Ctrl-C or ./deploy/stop.sh");
        Thread.currentThread().join();
    }

    static List<Path> samples(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
    }

    static List<String> pmids(List<Path> files) throws java.io.IOException {
        List<String> out = new java.util.ArrayList<>();
        for (Path f : files) {
            Matcher m = PMID.matcher(Files.readString(f));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
