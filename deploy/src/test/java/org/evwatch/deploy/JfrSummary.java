package org.evwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a process spent its CPU, from a JDK Flight Recorder file: the methods most often on top of the sampled stacks
 * (self time) and the methods most often anywhere on them (time in the method and what it called). The pipeline
 * benchmark writes one recording per service when asked ({@code -Devwatch.bench.profile=DIR}); run this on each:
 * {@code java -cp deploy/target/test-classes org.evwatch.deploy.JfrSummary DIR/indexer.jfr [rows]}.
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        System.out.print(summarise(Path.of(args[0]), rows));
    }

    static String summarise(Path recording, int rows) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            frames.stream().map(JfrSummary::name).filter(seen::add).forEach(m -> total.merge(m, 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %d CPU samples%n", recording, samples));
        out.append("self (on top of the stack):\n").append(top(self, samples, rows));
        out.append("total (anywhere on the stack), project and driver methods:\n");
        out.append(top(total, samples, rows, m -> m.startsWith("org.evwatch") || m.startsWith("org.postgresql")
                || m.startsWith("org.apache.lucene") || m.startsWith("org.hibernate") || m.startsWith("com.fasterxml")
                || m.startsWith("org.apache.kafka")));
        return out.toString();
    }

    private static String top(Map<String, Integer> counts, int samples, int rows) {
        return top(counts, samples, rows, m -> true);
    }

    private static String top(Map<String, Integer> counts, int samples, int rows,
            java.util.function.Predicate<String> keep) {
        StringBuilder out = new StringBuilder();
        Stream<Map.Entry<String, Integer>> sorted = counts.entrySet().stream().filter(e -> keep.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows);
        sorted.forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue()
                / Math.max(1, samples), e.getKey())));
        return out.toString();
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** Every recording in {@code dir}, summarised. */
    static String summariseAll(Path dir, int rows) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jfr")).sorted().toList()) {
                out.append(summarise(f, rows)).append('\n');
            }
        }
        return out.toString();
    }
}
