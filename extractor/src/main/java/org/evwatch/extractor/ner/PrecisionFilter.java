package org.evwatch.extractor.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.Annotation;

/**
 * Names the annotators of a corpus usually do not mark, learned by running recognition over the corpus's own text:
 * a name recognised as type T at least {@link #MIN_OCCURRENCES} times, of which fewer than {@link #MIN_RATIO} are
 * exactly a mention annotated as T, is suppressed for T ("patient", "toxicity" in a drug-induced disease corpus). Only
 * the types a corpus annotates are judged from it: a disease corpus says nothing about species names. Names that
 * an abbreviation's definition backs in the paper itself are neither counted nor suppressed.
 */
final class PrecisionFilter {

    /** Below this many occurrences a name's ratio says too little to drop it. */
    static final int MIN_OCCURRENCES = 3;
    /** Share of occurrences that must be annotated for a name to be kept. */
    static final double MIN_RATIO = 0.3;

    /** How often a name was recognised as a type, and how often on an annotated mention of that type. */
    record Count(int occurrences, int annotated) {
        boolean suppressed() {
            return occurrences >= MIN_OCCURRENCES && annotated < MIN_RATIO * occurrences;
        }
    }

    private PrecisionFilter() {
    }

    /** Counts per type and normalised name, over the documents of the corpora. */
    static Map<EntityType, Map<String, Count>> count(EntityRecognizer recognizer, List<AnnotatedCorpus> corpora) {
        Map<EntityType, Map<String, int[]>> counts = new TreeMap<>();
        for (AnnotatedCorpus corpus : corpora) {
            Set<EntityType> judged = corpus.types();
            for (AnnotatedDocument d : corpus.documents()) {
                for (EntityRecognizer.Occurrence o : recognizer.occurrences(d.title(), d.abstractText(), d.body())) {
                    EntityType type = scored(o.type());
                    if (o.defined() || !judged.contains(type)) {
                        continue;
                    }
                    int[] c = counts.computeIfAbsent(o.type(), k -> new TreeMap<>()).computeIfAbsent(o.name(),
                            k -> new int[2]);
                    c[0]++;
                    if (annotated(d.annotations(), type, o.start(), o.end())) {
                        c[1]++;
                    }
                }
            }
        }
        Map<EntityType, Map<String, Count>> out = new TreeMap<>();
        counts.forEach((type, names) -> {
            Map<String, Count> m = new TreeMap<>();
            names.forEach((name, c) -> m.put(name, new Count(c[0], c[1])));
            out.put(type, m);
        });
        return out;
    }

    /** The names to suppress, per type. */
    static Map<EntityType, Set<String>> suppressed(Map<EntityType, Map<String, Count>> counts) {
        Map<EntityType, Set<String>> out = new HashMap<>();
        counts.forEach((type, names) -> {
            Set<String> s = names.entrySet().stream().filter(e -> e.getValue().suppressed()).map(Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            if (!s.isEmpty()) {
                out.put(type, s);
            }
        });
        return out;
    }

    /** Corpora annotate EV markers as genes. */
    static EntityType scored(EntityType t) {
        return t == EntityType.EV_MARKER ? EntityType.GENE : t;
    }

    /**
     * Whether annotators marked exactly this span as this type. Exactly, not overlapping: "angiotensin converting
     * enzyme" is not annotated when only "angiotensin" inside it is, and suppressing it lets "angiotensin" match.
     */
    private static boolean annotated(List<Annotation> annotations, EntityType type, int start, int end) {
        for (Annotation a : annotations) {
            if (a.type() == type && a.start() == start && a.end() == end) {
                return true;
            }
        }
        return false;
    }
}
