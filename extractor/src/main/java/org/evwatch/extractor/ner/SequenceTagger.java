package org.evwatch.extractor.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.evwatch.events.EntityType;
import org.jboss.logging.Logger;

/**
 * A learned sequence tagger: a linear-chain model over tokens that marks mention boundaries and types with B/I/O
 * labels, decoded with Viterbi under the B/I/O constraints (an I continues a B or I of the same type). Trained as an
 * averaged structured perceptron by {@link TaggerTrainer} on annotated corpora, with {@link TaggerFeatures} as
 * features (words, shapes, affixes, neighbours, the vocabularies' matches and the names annotated in its training
 * documents). It only finds mentions; ids come from
 * the dictionary, the learned lexicon and the paper's abbreviations, in {@link TaggedMentions}, which also applies
 * the per-type {@link Merge} chosen when the model was trained. Immutable and thread-safe.
 */
public final class SequenceTagger {

    /** How the tagger's mentions of a type combine with the dictionary's readings of that type. */
    public enum Merge {
        /** The tagger is not used for this type: the dictionary alone decides. */
        DICTIONARY,
        /** A dictionary reading of the type counts only inside a mention the tagger marks with that type. */
        CONFIRMED,
        /**
         * Where the tagger marks a mention, it decides: readings crossing its boundaries or of another type there
         * are dropped; where it marks nothing, the dictionary's readings stand.
         */
        PREFERRED,
        /**
         * The dictionary's readings stand unless the tagger is sure there is no mention of any type: a reading is
         * dropped when at every one of its tokens "outside" outscores every other label by the choice's margin.
         */
        VETO
    }

    /** The merge of one type, with the margin a {@link Merge#VETO} needs. */
    public record Choice(Merge merge, float margin) {

        static final Choice DICTIONARY = new Choice(Merge.DICTIONARY, 0);

        @Override
        public String toString() {
            return merge == Merge.VETO ? merge + "(" + margin + ")" : merge.toString();
        }
    }

    /** The tagger's reading of a section: its mentions and, per token, how far "outside" outscores a mention. */
    record Tagging(List<Span> spans, float[] outside) {

        static final Tagging NONE = new Tagging(List.of(), new float[0]);
    }

    /** A tagged mention: tokens [from, to] and its type. */
    record Span(int from, int to, EntityType type) {
    }

    private static final String MAGIC = "evwatch-tagger-1";
    private static final Logger LOG = Logger.getLogger(SequenceTagger.class);

    private final String version;
    private final List<EntityType> types;
    private final Map<EntityType, Choice> merge;
    private final TaggerLexicon lexicon;
    private final LongIntMap rows;
    private final float[] weights;
    private final float[] transitions;
    private final int labels;

    SequenceTagger(String version, List<EntityType> types, Map<EntityType, Choice> merge, TaggerLexicon lexicon,
            LongIntMap rows, float[] weights, float[] transitions) {
        this.version = version;
        this.lexicon = lexicon;
        this.types = List.copyOf(types);
        this.merge = merge.isEmpty() ? Map.of() : new EnumMap<>(merge);
        this.rows = rows;
        this.weights = weights;
        this.transitions = transitions;
        this.labels = 1 + 2 * types.size();
    }

    /** The model's version, written on every record it helped extract. */
    public String version() {
        return version;
    }

    /** The types the model marks. */
    public List<EntityType> types() {
        return types;
    }

    /** How each type's mentions combine with the dictionary's; a type not listed is left to the dictionary. */
    public Choice merge(EntityType type) {
        return merge.getOrDefault(type, Choice.DICTIONARY);
    }

    /** The same model with other merge choices (chosen on held-out training documents, or for a comparison). */
    public SequenceTagger withMerge(Map<EntityType, Choice> choice) {
        return new SequenceTagger(version, types, choice, lexicon, rows, weights, transitions);
    }

    /** The same model under another version string. */
    public SequenceTagger withVersion(String other) {
        return new SequenceTagger(other, types, merge, lexicon, rows, weights, transitions);
    }

    int labels() {
        return labels;
    }

    /**
     * The tagger's reading of a text already cut into tokens, with the dictionary's readings of it. With
     * {@code withSpans} false only the "outside" margins a {@link Merge#VETO} reads are computed, and only at the
     * tokens of readings of vetoed types: the rest of the section costs nothing.
     */
    Tagging tag(Tokens t, List<Dictionary.Hit> hits, Dictionary dictionary, boolean withSpans) {
        if (t.size == 0) {
            return Tagging.NONE;
        }
        TaggerFeatures features = new TaggerFeatures(t, hits, dictionary, lexicon);
        boolean[] needed = withSpans ? null : vetoed(t.size, hits, dictionary);
        float[][] emission = new float[t.size][];
        float[] outside = new float[t.size];
        long[] keys = new long[TaggerFeatures.MAX];
        for (int i = 0; i < t.size; i++) {
            if (needed != null && !needed[i]) {
                outside[i] = Float.POSITIVE_INFINITY;
                continue;
            }
            emission[i] = emission(features.of(i, keys), keys);
            float best = Float.NEGATIVE_INFINITY;
            for (int y = 1; y < labels; y++) {
                best = Math.max(best, emission[i][y]);
            }
            outside[i] = emission[i][0] - best;
        }
        return new Tagging(withSpans ? spans(Viterbi.decode(emission, transitions, labels, null)) : List.of(),
                outside);
    }

    /** Whether some type's merge reads the tagger's mentions, not only its margins. */
    boolean needsSpans() {
        return merge.values().stream().anyMatch(c -> c.merge() == Merge.CONFIRMED || c.merge() == Merge.PREFERRED);
    }

    private boolean[] vetoed(int size, List<Dictionary.Hit> hits, Dictionary dictionary) {
        boolean[] needed = new boolean[size];
        for (Dictionary.Hit h : hits) {
            if (merge(dictionary.concept(h.concept()).type()).merge() == Merge.VETO) {
                java.util.Arrays.fill(needed, h.from(), h.to() + 1, true);
            }
        }
        return needed;
    }

    private float[] emission(int count, long[] keys) {
        float[] e = new float[labels];
        for (int k = 0; k < count; k++) {
            int row = rows.get(keys[k]);
            if (row >= 0) {
                for (int y = 0, base = row * labels; y < labels; y++) {
                    e[y] += weights[base + y];
                }
            }
        }
        return e;
    }

    /** The mentions a label sequence marks. */
    List<Span> spans(int[] path) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < path.length) {
            if (path[i] == 0) {
                i++;
                continue;
            }
            int type = (path[i] - 1) / 2;
            int j = i + 1;
            while (j < path.length && path[j] == 2 + 2 * type) {
                j++;
            }
            out.add(new Span(i, j - 1, types.get(type)));
            i = j;
        }
        return out;
    }

    /** Writes the model (gzip-compressed): its version, types, merge choices, transitions and feature weights. */
    public void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(file)), 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeUTF(version);
            out.writeInt(types.size());
            for (EntityType type : types) {
                out.writeUTF(type.name());
                out.writeUTF(merge(type).merge().name());
                out.writeFloat(merge(type).margin());
            }
            for (float v : transitions) {
                out.writeFloat(v);
            }
            lexicon.write(out);
            long[] keys = rows.keysByValue();
            out.writeInt(keys.length);
            for (int row = 0; row < keys.length; row++) {
                out.writeLong(keys[row]);
                for (int y = 0; y < labels; y++) {
                    out.writeFloat(weights[row * labels + y]);
                }
            }
        }
    }

    /**
     * The model at {@code file} when one is configured and can be read; otherwise, with a warning when one was
     * configured, none, and the dictionary recognizes alone.
     */
    public static Optional<SequenceTagger> find(Optional<Path> file) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file.get())) {
            LOG.warnf("no tagger model at %s: entities are recognised by the dictionary alone", file.get());
            return Optional.empty();
        }
        try {
            long t0 = System.nanoTime();
            SequenceTagger tagger = load(file.get());
            LOG.infof("tagger model %s loaded from %s in %d ms: types %s", tagger.version(), file.get(),
                    (System.nanoTime() - t0) / 1_000_000, tagger.types());
            return Optional.of(tagger);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot read the tagger model %s (%s): entities are recognised by the dictionary alone",
                    file.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads a model written by {@link #save(Path)}. */
    public static SequenceTagger load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file)), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(file + " is not a tagger model");
            }
            String version = in.readUTF();
            int n = in.readInt();
            List<EntityType> types = new ArrayList<>();
            Map<EntityType, Choice> merge = new EnumMap<>(EntityType.class);
            for (int i = 0; i < n; i++) {
                EntityType type = EntityType.valueOf(in.readUTF());
                types.add(type);
                merge.put(type, new Choice(Merge.valueOf(in.readUTF()), in.readFloat()));
            }
            int labels = 1 + 2 * n;
            float[] transitions = new float[(labels + 1) * labels];
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] = in.readFloat();
            }
            TaggerLexicon lexicon = TaggerLexicon.read(in);
            int size = in.readInt();
            LongIntMap rows = new LongIntMap(size);
            float[] weights = new float[size * labels];
            for (int r = 0; r < size; r++) {
                rows.put(in.readLong(), r);
                for (int y = 0; y < labels; y++) {
                    weights[r * labels + y] = in.readFloat();
                }
            }
            return new SequenceTagger(version, types, merge, lexicon, rows, weights, transitions);
        }
    }
}
