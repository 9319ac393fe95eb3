package org.evwatch.extractor.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.extractor.ner.EntityRecognizer;

/**
 * Runs the recogniser over corpus documents and scores it two ways: strict mention match (same offsets, same type)
 * and, as the BC5CDR evaluation does, document-level normalised ids (the set of (type, id) pairs per document).
 * Only the types the corpus annotates are scored, so a disease corpus does not penalise found chemicals.
 */
public final class Evaluation {

    /** The two tables. */
    public record Result(int documents, List<Scores.Row> mentions, List<Scores.Row> ids,
            Map<String, Integer> falsePositives, Map<String, Integer> falseNegatives) {
    }

    private final EntityRecognizer recognizer;

    public Evaluation(EntityRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    /**
     * One predicted mention as it is scored: offsets into {@code title + " " + abstract} (or into the body), the
     * mention's text, its evaluation type and its id in the corpus's namespace.
     */
    public record Prediction(int start, int end, String text, EvalType type, String id) {
    }

    public Result run(List<Document> docs) {
        return run(docs, (d, p) -> {
        });
    }

    /** Scores the documents and hands each one's scored predictions to {@code sink}, in document order. */
    public Result run(List<Document> docs, BiConsumer<Document, List<Prediction>> sink) {
        Set<EvalType> annotated = new HashSet<>();
        docs.forEach(d -> d.gold().forEach(g -> annotated.add(g.type())));
        Scores mentions = new Scores();
        Scores ids = new Scores();
        Map<String, Integer> fps = new HashMap<>();
        Map<String, Integer> fns = new HashMap<>();
        for (Document d : docs) {
            Map<String, String> texts = new HashMap<>();
            Set<String> goldMentions = new HashSet<>();
            Set<String> goldIds = new HashSet<>();
            for (GoldMention g : d.gold()) {
                goldMentions.add(g.type() + "@" + g.start() + "-" + g.end());
                g.ids().forEach(id -> {
                    goldIds.add(g.type() + "|" + id);
                    texts.putIfAbsent(g.type() + "|" + id, g.text());
                });
            }
            List<Prediction> predicted = predictions(d, annotated);
            sink.accept(d, predicted);
            Set<String> predMentions = new LinkedHashSet<>();
            Set<String> predIds = new LinkedHashSet<>();
            for (Prediction p : predicted) {
                predIds.add(p.type() + "|" + p.id());
                texts.putIfAbsent(p.type() + "|" + p.id(), p.text());
                predMentions.add(p.type() + "@" + p.start() + "-" + p.end());
            }
            count(mentions, goldMentions, predMentions, annotated);
            count(ids, goldIds, predIds, annotated);
            predIds.stream().filter(p -> !goldIds.contains(p)).forEach(p -> fps.merge(p + " " + texts.get(p), 1,
                    Integer::sum));
            goldIds.stream().filter(g -> !predIds.contains(g)).forEach(g -> fns.merge(g + " " + texts.get(g), 1,
                    Integer::sum));
        }
        return new Result(docs.size(), mentions.rows(), ids.rows(), fps, fns);
    }

    /**
     * Every mention of the recognised entities whose type the corpus annotates, in entity order, once: an EV marker
     * and the gene it is share their mentions and, compared as genes, their id.
     */
    private List<Prediction> predictions(Document d, Set<EvalType> annotated) {
        List<Prediction> out = new ArrayList<>();
        int titleShift = d.title() == null ? 0 : d.title().length() + 1;
        for (Entity e : recognizer.recognize(paper(d))) {
            EvalType t = EvalType.of(e.type());
            if (t == null || !annotated.contains(t)) {
                continue;
            }
            String id = idIn(t, e);
            for (Entity.Mention m : e.mentions()) {
                int shift = m.section().equals("abstract") ? titleShift : 0;
                out.add(new Prediction(m.start() + shift, m.end() + shift, m.text(), t, id));
            }
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private static Paper paper(Document d) {
        List<Paper.AbstractSection> abs = d.abstractText() == null
                ? List.of()
                : List.of(new Paper.AbstractSection(null, d.abstractText()));
        List<Paper.BodySection> body = d.body() == null ? List.of() : List.of(new Paper.BodySection(null, d.body()));
        return new Paper(null, d.title(), abs, null, null, null, null, null, null, null, null, null, body);
    }

    /** The entity's id in the namespace the corpus uses for its type, falling back to its own id. */
    static String idIn(EvalType t, Entity e) {
        String ns = t.namespace();
        if (e.id().startsWith(ns)) {
            return e.id();
        }
        return e.xrefs().stream().filter(x -> x.startsWith(ns)).findFirst().orElse(e.id());
    }

    private static void count(Scores scores, Set<String> gold, Set<String> pred, Set<EvalType> types) {
        for (EvalType t : types) {
            String prefix = t.name();
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (String p : pred) {
                if (p.startsWith(prefix) && isType(p, prefix)) {
                    if (gold.contains(p)) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            for (String g : gold) {
                if (g.startsWith(prefix) && isType(g, prefix) && !pred.contains(g)) {
                    fn++;
                }
            }
            scores.add(t, tp, fp, fn);
        }
    }

    private static boolean isType(String key, String prefix) {
        char c = key.charAt(prefix.length());
        return c == '@' || c == '|';
    }
}
