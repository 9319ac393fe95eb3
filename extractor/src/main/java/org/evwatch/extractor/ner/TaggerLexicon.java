package org.evwatch.extractor.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.Annotation;

/**
 * The names annotated in the tagger's training documents, by type, as a feature of the tagger: "annotators marked
 * these words as a disease elsewhere". While training, each document sees only the names of the other folds (see
 * {@link TaggerTrainer}), so the model learns how far such a match can be trusted on text it has not seen, not that
 * every annotated name is its own annotation. Names are kept as 64-bit hashes of their normalised tokens, with the
 * hashes of their beginnings, so that matching stops at the first token no name continues with.
 */
final class TaggerLexicon {

    static final TaggerLexicon EMPTY = new TaggerLexicon(new LongIntMap(16), 0);

    /** Longest name kept, in tokens; longer annotated phrases are left to the other features. */
    private static final int LONGEST = 8;

    private final LongIntMap names;
    private final int longest;

    private TaggerLexicon(LongIntMap names, int longest) {
        this.names = names;
        this.longest = longest;
    }

    /** The annotated names of the documents: per name, a bit per entity type it was annotated as. */
    static TaggerLexicon of(List<AnnotatedDocument> documents) {
        LongIntMap names = new LongIntMap(1 << 12);
        int longest = 0;
        for (AnnotatedDocument d : documents) {
            for (Annotation a : d.annotations()) {
                Tokens t = Tokenizer.tokenize(a.text());
                if (t.size == 0 || t.size > LONGEST) {
                    continue;
                }
                long h = 0;
                for (int i = 0; i < t.size; i++) {
                    h = next(h, t.norm[i]);
                    if (names.get(h) < 0) {
                        names.put(h, 0); // a beginning of a name: matching goes on past it
                    }
                }
                int bits = names.get(h);
                names.put(h, bits | 1 << a.type().ordinal());
                longest = Math.max(longest, t.size);
            }
        }
        return new TaggerLexicon(names, longest);
    }

    /** Marks in {@code bits} every token a known name covers (see {@link TaggerFeatures#mark}). */
    long[] positions(Tokens t) {
        long[] bits = new long[t.size];
        for (int i = 0; i < t.size; i++) {
            long h = 0;
            for (int j = i; j < t.size && j - i < longest; j++) {
                h = next(h, t.norm[j]);
                int types = names.get(h);
                if (types < 0) {
                    break; // no name begins so
                }
                while (types > 0) {
                    TaggerFeatures.mark(bits, i, j, Integer.numberOfTrailingZeros(types));
                    types &= types - 1;
                }
            }
        }
        return bits;
    }

    private static long next(long h, String token) {
        long x = (h + token.hashCode()) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29) ^ 0x5DEECE66DL;
    }

    void write(DataOutputStream out) throws IOException {
        long[] keys = names.keysAndValues();
        out.writeInt(longest);
        out.writeInt(keys.length / 2);
        for (long k : keys) {
            out.writeLong(k);
        }
    }

    static TaggerLexicon read(DataInputStream in) throws IOException {
        int longest = in.readInt();
        int n = in.readInt();
        LongIntMap names = new LongIntMap(Math.max(16, n));
        for (int i = 0; i < n; i++) {
            long key = in.readLong();
            names.put(key, (int) in.readLong());
        }
        return new TaggerLexicon(names, longest);
    }
}
