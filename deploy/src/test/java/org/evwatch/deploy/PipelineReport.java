package org.evwatch.deploy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The end-to-end benchmark's report: rates, each stage's pace and lag over time, latencies, CPU and memory. */
final class PipelineReport {

    private final int papers;
    private final List<PipelineSampler.Sample> samples;
    private final StringBuilder out = new StringBuilder();

    PipelineReport(int papers, List<PipelineSampler.Sample> samples) {
        this.papers = papers;
        this.samples = samples;
    }

    String text() {
        return out.toString();
    }

    PipelineReport line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    /** Papers/s to the catalog (searchable), to the live stream and to the webhook: overall and 10%..90%. */
    PipelineReport rates() {
        rate("searchable (in the catalog)", PipelineSampler.Sample::catalog);
        rate("shown on the live stream", PipelineSampler.Sample::streamed);
        rate("posted to the webhook", PipelineSampler.Sample::posted);
        return line("cores: %d, load average at the end: %s", Runtime.getRuntime().availableProcessors(),
                RuntimeProcesses.loadAverage());
    }

    private void rate(String what, ToLongFunction<PipelineSampler.Sample> count) {
        PipelineSampler.Sample all = firstReaching(count, papers);
        PipelineSampler.Sample from = firstReaching(count, papers / 10);
        PipelineSampler.Sample to = firstReaching(count, papers * 9L / 10);
        if (all == null || from == null || to == null || to.nanos() <= from.nanos()) {
            long reached = samples.isEmpty() ? 0 : count.applyAsLong(samples.get(samples.size() - 1));
            line("%-30s only %d of %d papers", what, reached, papers);
            return;
        }
        line("%-30s all %d after %7.1f s: %7.1f papers/s overall, %7.1f papers/s 10%%..90%%", what, papers,
                all.nanos() / 1e9, papers / (all.nanos() / 1e9),
                (count.applyAsLong(to) - count.applyAsLong(from)) / ((to.nanos() - from.nanos()) / 1e9));
    }

    /** Each stage's pace (records its group committed per second, 10%..90%) and its highest lag. */
    PipelineReport stages() {
        line("stage pace (records committed by its consumer group, 10%%..90%%) and highest lag:");
        for (PipelineSampler.Stage stage : PipelineSampler.STAGES) {
            ToLongFunction<PipelineSampler.Sample> done = s -> s.stages().get(stage.name()).committed();
            long total = samples.isEmpty() ? 0 : done.applyAsLong(samples.get(samples.size() - 1));
            PipelineSampler.Sample from = firstReaching(done, total / 10);
            PipelineSampler.Sample to = firstReaching(done, total * 9 / 10);
            long maxLag = samples.stream().mapToLong(s -> s.stages().get(stage.name()).lag()).max().orElse(0);
            double pace = from == null || to == null || to.nanos() <= from.nanos()
                    ? Double.NaN
                    : (done.applyAsLong(to) - done.applyAsLong(from)) / ((to.nanos() - from.nanos()) / 1e9);
            line("  %-12s %-18s %7.1f records/s, highest lag %d", stage.name(), stage.group(), pace, maxLag);
        }
        return this;
    }

    /** About 30 rows of the samples: catalog, deliveries, each stage's lag and the whole runtime's memory. */
    PipelineReport timeline() {
        line("over time (lag = records on the stage's input topic its group has not committed):");
        line("  %7s %8s %8s %8s %10s %10s %10s %8s", "t s", "catalog", "stream", "webhook", "lag extr", "lag index",
                "lag gway", "PSS MB");
        int every = Math.max(1, samples.size() / 30);
        for (int i = 0; i < samples.size(); i += every) {
            PipelineSampler.Sample s = samples.get(i);
            line("  %7.1f %8d %8d %8d %10d %10d %10d %8.0f", s.nanos() / 1e9, s.catalog(), s.streamed(), s.posted(),
                    s.stages().get("extractor").lag(), s.stages().get("indexer").lag(),
                    s.stages().get("api-gateway").lag(), s.residentTotal());
        }
        return this;
    }

    /** CPU per process over the run, as a share of one core and per paper, and each process's peak memory. */
    PipelineReport processes(Map<String, Double> cpuBefore, Map<String, Double> cpuAfter, double seconds) {
        line("CPU per process over the run (100%% = one core), per paper, and peak proportional resident memory:");
        double total = 0;
        for (Map.Entry<String, Double> e : cpuAfter.entrySet()) {
            double used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0.0);
            total += used;
            double peak = samples.stream().mapToDouble(s -> s.residentMb().getOrDefault(e.getKey(), 0.0)).max()
                    .orElse(0);
            line("  %-12s %7.1f s  %5.0f%%  %6.2f ms/paper  %6.0f MB", e.getKey(), used, 100 * used / seconds,
                    1000 * used / papers, peak);
        }
        double peakTotal = samples.stream().mapToDouble(PipelineSampler.Sample::residentTotal).max().orElse(0);
        return line("  %-12s %7.1f s  %5.0f%%  %6.2f ms/paper  %6.0f MB (highest sum at one sample)", "all", total,
                100 * total / seconds, 1000 * total / papers, peakTotal);
    }

    private PipelineSampler.Sample firstReaching(ToLongFunction<PipelineSampler.Sample> count, long value) {
        return samples.stream().filter(s -> count.applyAsLong(s) >= value).findFirst().orElse(null);
    }
}
