package org.evwatch.extractor.ner;

/**
 * The weights of a structured perceptron over B/I/O labels and their average over training steps, kept with the
 * usual trick: besides the weights, the sum of every update times the step it was made at, so that the average is
 * {@code w - sum / steps} at the end, at the cost of one extra array instead of a pass over all weights per step.
 */
final class Perceptron {

    final float[] weights;
    final float[] transitions;
    private final double[] weightSums;
    private final double[] transitionSums;
    private final int labels;
    private int step = 1;

    Perceptron(int weightCount, int transitionCount, int labels) {
        this.weights = new float[weightCount];
        this.transitions = new float[transitionCount];
        this.weightSums = new double[weightCount];
        this.transitionSums = new double[transitionCount];
        this.labels = labels;
    }

    /** Decodes one sequence and, where it differs from the annotated labels, moves the weights toward them. */
    void step(int[][] features, int[] gold, boolean[] allowed) {
        float[][] emission = emission(features, weights, labels);
        int[] predicted = Viterbi.decode(emission, transitions, labels, allowed);
        for (int i = 0; i < features.length; i++) {
            if (predicted[i] != gold[i]) {
                for (int row : features[i]) {
                    update(weights, weightSums, row * labels + gold[i], 1);
                    update(weights, weightSums, row * labels + predicted[i], -1);
                }
            }
            int prevGold = i == 0 ? labels : gold[i - 1];
            int prevPredicted = i == 0 ? labels : predicted[i - 1];
            if (prevGold != prevPredicted || gold[i] != predicted[i]) {
                update(transitions, transitionSums, prevGold * labels + gold[i], 1);
                update(transitions, transitionSums, prevPredicted * labels + predicted[i], -1);
            }
        }
        step++;
    }

    /** Per token and label, the sum of the weights of the token's feature rows. */
    static float[][] emission(int[][] features, float[] weights, int labels) {
        float[][] emission = new float[features.length][labels];
        for (int i = 0; i < features.length; i++) {
            for (int row : features[i]) {
                int base = row * labels;
                for (int y = 0; y < labels; y++) {
                    emission[i][y] += weights[base + y];
                }
            }
        }
        return emission;
    }

    private void update(float[] w, double[] sums, int at, int delta) {
        w[at] += delta;
        sums[at] += (double) step * delta;
    }

    /** Replaces the weights by their average over the steps taken. */
    void average() {
        for (int i = 0; i < weights.length; i++) {
            weights[i] -= (float) (weightSums[i] / step);
        }
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] -= (float) (transitionSums[i] / step);
        }
    }
}
