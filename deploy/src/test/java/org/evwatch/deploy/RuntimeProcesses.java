package org.evwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of a local runtime, by name (the broker and the four services from the runtime's {@code pids} file,
 * and PostgreSQL with its backends), and what /proc says of their CPU time and resident memory.
 */
final class RuntimeProcesses {

    private final Path runtime;

    RuntimeProcesses(Path runtime) {
        this.runtime = runtime;
    }

    /** CPU seconds (user and system) used so far by each process; PostgreSQL counts its backends. */
    Map<String, Double> cpuSeconds() throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e : pids().entrySet()) {
            cpu.put(e.getKey(), e.getValue().stream().mapToDouble(RuntimeProcesses::cpuOf).sum());
        }
        return cpu;
    }

    /**
     * Resident memory in MB of each process, as its proportional set size: a page shared by several processes
     * (PostgreSQL's shared buffers across its backends) counts once in their sum.
     */
    Map<String, Double> residentMb() throws IOException {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e : pids().entrySet()) {
            rss.put(e.getKey(), e.getValue().stream().mapToDouble(RuntimeProcesses::rssMbOf).sum());
        }
        return rss;
    }

    private Map<String, List<Long>> pids() throws IOException {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        for (String line : Files.readAllLines(runtime.resolve("pids"))) {
            String[] parts = line.trim().split(" ", 2);
            pids.put(parts[1], List.of(Long.parseLong(parts[0])));
        }
        long postmaster = Long.parseLong(Files.readAllLines(runtime.resolve("postgres/postmaster.pid")).get(0).trim());
        List<Long> postgres = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(c -> postgres.add(c.pid())));
        pids.put("postgres", postgres);
        return pids;
    }

    /** The 1-minute load average: other work on the machine slows every process of the runtime. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** From /proc/PID/stat: utime and stime, in clock ticks of 1/100 s; 0 for a process that is gone. */
    static double cpuOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** From /proc/PID/smaps_rollup: Pss in MB; 0 for a process that is gone. */
    private static double rssMbOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
