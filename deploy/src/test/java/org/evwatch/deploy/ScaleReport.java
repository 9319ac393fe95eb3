package org.evwatch.deploy;

import java.util.List;
import java.util.Locale;

/** The extractor scale-out benchmark's report: one line per instance count, each instance, and the kill run. */
final class ScaleReport {

    private final StringBuilder out = new StringBuilder();

    private ScaleReport() {
    }

    static String text(int papers, double loading, List<ExtractorScaleBenchmark.Round> rounds,
            ExtractorScaleBenchmark.Takeover takeover) {
        ScaleReport report = new ScaleReport();
        report.line("%,d generated PubMed papers on papers.fetched (%d partitions), loaded through the fetcher in "
                + "%.1f s; cores: %d, load average at the end: %s", papers, ExtractorGroup.PARTITIONS, loading,
                Runtime.getRuntime().availableProcessors(), RuntimeProcesses.loadAverage());
        report.rounds(rounds);
        report.takeover(takeover);
        return report.out.toString();
    }

    private void rounds(List<ExtractorScaleBenchmark.Round> rounds) {
        line("measured while every instance held partitions (each round a consumer group of its own):");
        line("  %9s %9s %8s %9s %12s %11s %10s %9s", "instances", "papers", "seconds", "papers/s", "speed-up",
                "papers/CPU-s", "per CPU-s", "broker");
        ExtractorScaleBenchmark.Round first = rounds.get(0);
        double firstPerCpu = first.papers() / first.extractorCpu();
        for (ExtractorScaleBenchmark.Round r : rounds) {
            double perCpu = r.papers() / r.extractorCpu();
            line("  %9d %9d %8.1f %9.1f %11.2fx %12.1f %9.2fx %7.1f s", r.names().size(), r.papers(), r.seconds(),
                    r.rate(), r.rate() / first.rate(), perCpu, perCpu / firstPerCpu,
                    r.cpu().getOrDefault("kafka", 0.0));
        }
        line("each instance: partitions held, CPU-seconds in the window (share of one core), peak PSS:");
        for (ExtractorScaleBenchmark.Round r : rounds) {
            for (String name : r.names()) {
                double cpu = r.cpu().getOrDefault(name, 0.0);
                line("  %-6s %-20s %7.1f CPU-s (%3.0f%%) %6.0f MB", name,
                        r.assignment().getOrDefault("evwatch-extractor-" + name, java.util.Set.of()), cpu,
                        100 * cpu / r.seconds(), r.peakMb().getOrDefault(name, 0.0));
            }
        }
    }

    private void takeover(ExtractorScaleBenchmark.Takeover t) {
        line("kill run: %s killed with SIGKILL after %,d papers extracted; it held partitions %s", t.victim(),
                t.extractedAtKill(), t.partitions());
        line("  its partitions held by the others after %.1f s; first commit on them after %.1f s", t.heldAfter(),
                t.committedAfter());
        line("  %s", t.account());
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
