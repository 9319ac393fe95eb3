package org.evwatch.extractor.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** True positive, false positive and false negative counts per type, and the figures derived from them. */
public final class Scores {

    /** One row of the result table. */
    public record Row(String type, int tp, int fp, int fn, double precision, double recall, double f1) {

        static Row of(String type, int tp, int fp, int fn) {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return new Row(type, tp, fp, fn, round(p), round(r), round(f));
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }

    private final Map<EvalType, int[]> counts = new EnumMap<>(EvalType.class);

    void add(EvalType type, int tp, int fp, int fn) {
        int[] c = counts.computeIfAbsent(type, k -> new int[3]);
        c[0] += tp;
        c[1] += fp;
        c[2] += fn;
    }

    /** One row per type, then a micro-averaged "ALL" row when there are several types. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<EvalType, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            out.add(Row.of(e.getKey().name(), c[0], c[1], c[2]));
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        if (counts.size() > 1) {
            out.add(Row.of("ALL", tp, fp, fn));
        }
        return out;
    }
}
