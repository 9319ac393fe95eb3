package org.evwatch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code deploy/run.sh}: starts the whole system, drops the sample papers into the inbox (the PubMed samples of
 * {@code deploy/samples}, and the seed pages of {@code ../shared/seeds} when that folder is present, see
 * {@link SeedFiles}), waits until the gateway serves every one of them, prints the URLs, and runs until stopped
 * (Ctrl-C or {@code deploy/stop.sh}).
 *
 * <p>
 * Environment: {@code EVWATCH_RUNTIME_DIR} (default {@code .runtime}), {@code EVWATCH_DB_URL},
 * {@code EVWATCH_DB_USER}, {@code EVWATCH_DB_PASSWORD} (a PostgreSQL to use instead of the embedded one),
 * {@code EVWATCH_PORT_OFFSET} (added to every port, to run a second local runtime beside the first),
 * {@code EVWATCH_INDEX_ENGINE=opensearch} (the indexers on an OpenSearch node the runtime starts, instead of each on an
 * embedded Lucene index), {@code EVWATCH_IMAGES=true} (each service from its container image, see
 * {@link LocalStack#fromImages}), and the instances of each service ({@link #startMoreInstances}).
 */
public final class LocalRuntime {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        if ("true".equalsIgnoreCase(env("EVWATCH_IMAGES", "false"))) {
            stack.fromImages();
        }
        try {
            configureScaling(stack, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping EVwatch...");
            stack.close();
            System.out.println("EVwatch stopped.");
        }, "stop-evwatch"));

        System.out.println("Starting Kafka, PostgreSQL" + (dbUrl.isPresent() ? " (" + dbUrl.get() + ")" : "")
                + (stack.onOpenSearch() ? ", OpenSearch" : "") + " and the four services; logs in "
                + runtime.resolve("logs"));
        stack.start();
        startMoreInstances(stack);

        int papers = loadSamples(stack, root);
        printAddresses(stack, papers);
        System.out.println("Stop with Ctrl-C or ./deploy/stop.sh");
        Thread.currentThread().join();
    }

    /**
     * Drops the sample PubMed files and the seed pages (from {@code ../shared/seeds}, when there) into the inbox, as
     * every start does, and waits until the gateway serves each: the number of papers loaded.
     */
    static int loadSamples(LocalStack stack, Path root) throws Exception {
        List<Path> samples = samples(root.resolve("deploy/samples/pubmed"));
        for (Path sample : samples) {
            stack.drop(sample, "sample-" + sample.getFileName());
        }
        List<String> pmids = pmids(samples);
        List<Path> seeds = SeedFiles.list(root);
        for (Path seed : seeds) {
            stack.drop(seed, "seed-" + seed.getFileName());
        }
        System.out.println("Dropped " + samples.size() + " sample files (" + pmids.size() + " papers) and "
                + (seeds.isEmpty()
                        ? "no seed pages (../shared/seeds not found)"
                        : seeds.size() + " seed pages from " + SeedFiles.locate(root))
                + " into the inbox; waiting for them at the gateway...");
        for (String pmid : pmids) {
            stack.awaitHttp(stack.url("api-gateway") + "/api/v1/papers/pmid:" + pmid, Duration.ofSeconds(120),
                    "sample paper " + pmid);
        }
        int papers = pmids.size() + seeds.size();
        awaitPapers(stack, papers, Duration.ofSeconds(120));
        return papers;
    }

    /** The variable that sets how many instances of each service run, by module. */
    static final Map<String, String> INSTANCES = Map.of("fetcher", "EVWATCH_FETCHERS", "extractor",
            "EVWATCH_EXTRACTORS", "indexer", "EVWATCH_INDEXERS", "api-gateway", "EVWATCH_GATEWAYS");

    /**
     * Puts the indexers on OpenSearch when {@code EVWATCH_INDEX_ENGINE=opensearch}, and refuses, before anything
     * starts, a number of instances that is not one, and several indexers without OpenSearch: each would fill an
     * embedded Lucene index of its own with the part of the papers it took, and every search would see only that part.
     */
    static void configureScaling(LocalStack stack, Map<String, String> env) {
        INSTANCES.keySet().forEach(module -> instances(env, module));
        boolean openSearch = "opensearch".equalsIgnoreCase(env.getOrDefault("EVWATCH_INDEX_ENGINE", "lucene").trim());
        int indexers = instances(env, "indexer");
        if (indexers > 1 && !openSearch) {
            throw new IllegalArgumentException("EVWATCH_INDEXERS=" + indexers
                    + " needs EVWATCH_INDEX_ENGINE=opensearch:"
                    + " several indexers share one search index only on OpenSearch (with the embedded Lucene index"
                    + " each would search only the papers it took)");
        }
        if (openSearch) {
            stack.searchOnOpenSearch();
        }
    }

    /**
     * The further instances asked for: {@code EVWATCH_FETCHERS=2} runs two fetcher processes (sharing the sources'
     * windows through their leases; the inbox is watched by the first only), {@code EVWATCH_EXTRACTORS=3} three
     * extractors (sharing {@code papers.fetched}), {@code EVWATCH_INDEXERS=2} two indexers (sharing
     * {@code papers.extracted} and the OpenSearch index; only with {@code EVWATCH_INDEX_ENGINE=opensearch}),
     * {@code EVWATCH_GATEWAYS=2} two gateways (each with every paper for its live clients), each more instance on a
     * port of its own, with its log in {@code logs/<name>.log}.
     */
    static void startMoreInstances(LocalStack stack) throws Exception {
        for (String module : List.of("fetcher", "extractor", "indexer", "api-gateway")) {
            List<String> names = IntStream.rangeClosed(2, instances(System.getenv(), module))
                    .mapToObj(i -> module + "-" + i).toList();
            if (names.isEmpty()) {
                continue;
            }
            if (module.equals("fetcher")) {
                names.forEach(name -> stack.environment(name, "EVWATCH_FETCHER_INBOX_ENABLED", "false"));
            }
            stack.startInstances(module, names);
            names.forEach(name -> System.out.println("Started " + name + " at " + stack.url(name)));
        }
    }

    /** How many instances of the module are asked for (at least one). */
    static int instances(Map<String, String> env, String module) {
        String value = env.get(INSTANCES.get(module));
        try {
            return value == null || value.isBlank() ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(INSTANCES.get(module) + "=" + value + " is not a number of instances");
        }
    }

    /** Says where each part of the running system answers, and where its mail and keys are. */
    private static void printAddresses(LocalStack stack, int papers) {
        String gateway = stack.url("api-gateway");
        System.out.println();
        System.out.println("EVwatch is running. " + papers + " sample papers are searchable.");
        System.out.println("  Web page        " + gateway + "/");
        System.out.println("  Search API      " + gateway + "/api/v1/papers?q=exosome");
        System.out.println("  API docs        " + gateway + "/q/swagger-ui");
        System.out
                .println("  Fetcher         " + stack.url("fetcher") + "/q/swagger-ui (inbox: " + stack.inbox() + ")");
        System.out.println("  Extractor       " + stack.url("extractor") + "/q/swagger-ui");
        System.out.println("  Indexer         " + stack.url("indexer") + "/q/swagger-ui");
        if (stack.onOpenSearch()) {
            System.out.println("  OpenSearch      " + stack.url("opensearch"));
        }
        System.out.println("  Kafka           " + stack.kafkaBootstrap());
        System.out.println("  Mail            " + stack.mailFolder()
                .map(f -> "written to " + f + " as .eml files (set EVWATCH_SMTP_HOST to send it)")
                .orElse("sent through the SMTP server " + env("EVWATCH_SMTP_HOST", env("QUARKUS_MAILER_HOST", ""))));
        System.out.println("  Admin API key   in " + stack.secrets().file() + " (" + LocalSecrets.ADMIN_KEY
                + "), with the service token that the internal APIs above require (" + LocalSecrets.INTERNAL_TOKEN
                + ")");
    }

    /** Waits until the gateway's catalog holds at least {@code count} papers (the seeds have no PMID to ask for). */
    static void awaitPapers(LocalStack stack, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            var response = stack.get(stack.url("api-gateway") + "/api/v1/stats");
            seen = response.statusCode() == 200 ? JSON.readTree(response.body()).path("papers").asLong() : -1;
            if (seen >= count) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the catalog holds " + seen + " papers, not the " + count + " dropped, after "
                + timeout + "; see the rejected/ folder of the inbox and the logs");
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
