package org.evwatch.extractor.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.evwatch.extractor.ner.EntityRecognizer;

/**
 * Strict mention match of the learned tagger's own mentions, before any id is sought or any dictionary reading
 * merged: how well it finds mention boundaries and types by itself. Scored on the types the corpus annotates.
 */
final class TaggerScores {

    private TaggerScores() {
    }

    static List<Scores.Row> strict(EntityRecognizer recognizer, List<Document> docs) {
        Set<EvalType> annotated = new HashSet<>();
        docs.forEach(d -> d.gold().forEach(g -> annotated.add(g.type())));
        Scores scores = new Scores();
        for (Document d : docs) {
            Set<String> found = new HashSet<>();
            tagged(recognizer, d.title(), 0, annotated, found);
            tagged(recognizer, d.abstractText(), d.title() == null ? 0 : d.title().length() + 1, annotated, found);
            tagged(recognizer, d.body(), 0, annotated, found);
            Set<String> gold = new HashSet<>();
            d.gold().forEach(g -> gold.add(g.type() + "@" + g.start() + "-" + g.end()));
            for (EvalType t : annotated) {
                String prefix = t + "@";
                long tp = found.stream().filter(f -> f.startsWith(prefix) && gold.contains(f)).count();
                long fp = found.stream().filter(f -> f.startsWith(prefix)).count() - tp;
                long fn = gold.stream().filter(g -> g.startsWith(prefix)).count() - tp;
                scores.add(t, (int) tp, (int) fp, (int) fn);
            }
        }
        return scores.rows();
    }

    private static void tagged(EntityRecognizer r, String text, int shift, Set<EvalType> types, Set<String> out) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (EntityRecognizer.Tagged m : r.tagged(text)) {
            EvalType t = EvalType.of(m.type());
            if (t != null && types.contains(t)) {
                out.add(t + "@" + (m.start() + shift) + "-" + (m.end() + shift));
            }
        }
    }
}
