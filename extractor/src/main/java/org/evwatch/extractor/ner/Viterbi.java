package org.evwatch.extractor.ner;

/**
 * The best label sequence of a linear-chain model. Labels are 0 = outside, {@code 1 + 2k} = first token of a mention
 * of type k, {@code 2 + 2k} = a further token of it; a further token can only follow a first or further token of the
 * same type. Transition scores are {@code (labels + 1) x labels}, the last row scoring the first label.
 */
final class Viterbi {

    private Viterbi() {
    }

    /**
     * @param emission per token and label, the sum of the feature weights
     * @param allowed labels that may be chosen at all, or null for every label (training on a corpus that does not
     *        annotate some types must not be told those types are absent)
     */
    static int[] decode(float[][] emission, float[] transitions, int labels, boolean[] allowed) {
        int n = emission.length;
        float[][] score = new float[n][labels];
        int[][] back = new int[n][labels];
        for (int y = 0; y < labels; y++) {
            score[0][y] = possible(-1, y, allowed)
                    ? emission[0][y] + transitions[labels * labels + y]
                    : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int y = 0; y < labels; y++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < labels; p++) {
                    if (score[i - 1][p] == Float.NEGATIVE_INFINITY || !possible(p, y, allowed)) {
                        continue;
                    }
                    float s = score[i - 1][p] + transitions[p * labels + y];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
                score[i][y] = best == Float.NEGATIVE_INFINITY ? best : best + emission[i][y];
                back[i][y] = arg;
            }
        }
        int[] path = new int[n];
        int last = 0;
        for (int y = 1; y < labels; y++) {
            if (score[n - 1][y] > score[n - 1][last]) {
                last = y;
            }
        }
        path[n - 1] = last;
        for (int i = n - 1; i > 0; i--) {
            path[i - 1] = back[i][path[i]];
        }
        return path;
    }

    /** Whether label {@code y} may follow label {@code previous} (-1: at the start). */
    static boolean possible(int previous, int y, boolean[] allowed) {
        if (allowed != null && !allowed[y]) {
            return false;
        }
        if (y == 0 || y % 2 == 1) {
            return true;
        }
        return previous == y || previous == y - 1;
    }
}
