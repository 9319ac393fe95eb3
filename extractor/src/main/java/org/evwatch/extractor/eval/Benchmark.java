package org.evwatch.extractor.eval;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.ner.SequenceTagger;
import org.evwatch.extractor.summary.Summarizer;

/**
 * Command line: throughput of entity recognition (and of recognition plus summary) on one thread over PubTator
 * abstracts, with the given vocabularies loaded, and the heap the loaded vocabularies hold.
 *
 * <pre>
 * Benchmark --vocab DIR [--train PATH[,PATH]] [--tagger MODEL] [--rounds N] PUBTATOR_FILE...
 * </pre>
 *
 * {@code --train} loads annotated corpora to learn from, as {@code evwatch.extractor.training-corpora} does;
 * {@code --tagger} adds the learned sequence tagger, as {@code evwatch.extractor.tagger.model} does, and reports the
 * time and heap its model takes to load.
 *
 * One untimed warm-up round lets the JIT compile the hot paths; the figures reported are the median round, both
 * by wall clock and by the CPU time of the measuring thread. On a shared machine the CPU-time figure is the one
 * that says what one core does; the wall-clock figure also counts time the thread waited for a core.
 */
public final class Benchmark {

    private Benchmark() {
    }

    private record Options(String vocab, int rounds, List<Path> training, String tagger, List<Path> corpora) {
    }

    public static void main(String[] args) throws IOException {
        Options o = options(args);
        Runtime rt = Runtime.getRuntime();
        long heapBefore = usedAfterGc(rt);
        EntityRecognizer recognizer = EntityRecognizer.load(Optional.ofNullable(o.vocab()).map(Path::of),
                o.training());
        long heapVocab = usedAfterGc(rt) - heapBefore;
        if (o.tagger() != null) {
            long t0 = System.nanoTime();
            recognizer = recognizer.withTagger(SequenceTagger.load(Path.of(o.tagger())));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("tagger model %s: loaded in %d ms, %d MB of heap%n",
                    recognizer.taggerVersion().orElseThrow(), ms, (usedAfterGc(rt) - heapBefore - heapVocab) >> 20);
        }
        List<Paper> papers = abstracts(o.corpora());
        long chars = papers.stream().mapToLong(p -> p.title().length() + p.abstractText().length()).sum();
        System.out.printf("abstracts: %d (%.0f characters on average)%n", papers.size(),
                (double) chars / papers.size());
        System.out.printf("vocabularies: %s%n", recognizer.report().summary().lines().findFirst().orElse(""));
        System.out.printf("heap held by the loaded vocabularies (measured after GC): %d MB%n", heapVocab >> 20);
        System.out.printf("load time: %d ms%n", recognizer.report().millis());
        recognizer.report().sources().stream().filter(s -> s.loader().startsWith("learned"))
                .forEach(s -> System.out.printf("%s: %d names; %s%n", s.loader(), s.termsAdded(), s.file()));
        measure(recognizer, papers, o.rounds());
        System.out.printf("heap in use after the runs (after GC): %d MB; max heap: %d MB%n", usedAfterGc(rt) >> 20,
                rt.maxMemory() >> 20);
    }

    private static Options options(String[] args) {
        String vocab = null;
        int rounds = 5;
        List<Path> training = new ArrayList<>();
        String tagger = null;
        List<Path> corpora = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--vocab" -> vocab = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--tagger" -> tagger = args[++i];
                case "--train" -> {
                    for (String p : args[++i].split(",")) {
                        training.add(Path.of(p.strip()));
                    }
                }
                default -> corpora.add(Path.of(args[i]));
            }
        }
        if (corpora.isEmpty()) {
            System.err.println("usage: Benchmark --vocab DIR [--train PATH[,PATH]] [--tagger MODEL] [--rounds N] "
                    + "PUBTATOR_FILE...");
            System.exit(2);
        }
        return new Options(vocab, rounds, training, tagger, corpora);
    }

    private static List<Paper> abstracts(List<Path> corpora) throws IOException {
        List<Paper> papers = new ArrayList<>();
        for (Path p : corpora) {
            for (Document d : PubtatorCorpus.read(p)) {
                papers.add(new Paper(null, d.title(), List.of(new Paper.AbstractSection(null, d.abstractText())),
                        null, null, null, null, null, null, null, null, null, null));
            }
        }
        return papers;
    }

    /** An untimed warm-up round, then {@code rounds} timed ones of recognition alone and with the summary. */
    private static void measure(EntityRecognizer recognizer, List<Paper> papers, int rounds) {
        Summarizer summarizer = new Summarizer();
        long entities = run(recognizer, null, papers);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] nerWall = new double[rounds];
        double[] nerCpu = new double[rounds];
        double[] bothWall = new double[rounds];
        double[] bothCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime() + gcNanos();
            run(recognizer, null, papers);
            nerWall[r] = papers.size() / ((System.nanoTime() - w0) / 1e9);
            nerCpu[r] = papers.size() / ((threads.getCurrentThreadCpuTime() + gcNanos() - c0) / 1e9);
            long w1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime() + gcNanos();
            run(recognizer, summarizer, papers);
            bothWall[r] = papers.size() / ((System.nanoTime() - w1) / 1e9);
            bothCpu[r] = papers.size() / ((threads.getCurrentThreadCpuTime() + gcNanos() - c1) / 1e9);
        }
        System.out.printf("entities per abstract: %.1f%n", (double) entities / papers.size());
        System.out.printf("entity recognition, one thread: %.0f abstracts/s per CPU second, %.0f by wall clock "
                + "(medians of %d rounds)%n", median(nerCpu), median(nerWall), rounds);
        System.out.printf("recognition + summary, one thread: %.0f abstracts/s per CPU second, %.0f by wall clock%n",
                median(bothCpu), median(bothWall));
    }

    /** Time spent collecting garbage so far: GC runs on other threads but is part of the cost of the work. */
    private static long gcNanos() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms * 1_000_000;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long run(EntityRecognizer recognizer, Summarizer summarizer, List<Paper> papers) {
        long n = 0;
        for (Paper p : papers) {
            List<Entity> e = recognizer.recognize(p);
            n += e.size();
            if (summarizer != null) {
                n += summarizer.summarize(p, e).keyFindings().size();
            }
        }
        return n;
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
