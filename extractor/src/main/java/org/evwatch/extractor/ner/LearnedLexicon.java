package org.evwatch.extractor.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.Annotation;
import org.evwatch.extractor.vocab.TermKind;
import org.evwatch.extractor.vocab.VocabularyBuilder;

/**
 * Names learned from annotated corpora. Every annotated mention, normalised as dictionary names are, votes for the
 * id its annotators gave it; per type and normalised name the id with most votes wins (ties: the smaller id), and
 * each way the name was written becomes a {@link TermKind#LEARNED} name of that concept. This covers what no
 * vocabulary lists as a name ("hypertensive", "autosomal recessive disorder") and the corpus's choice where a name
 * has several ids ("depression"). Mentions with a composite id (several ids) say nothing about one id and are
 * skipped; so is an id our vocabularies already type differently (the annotators' type would be lost), and a gene
 * id given to another gene's official symbol (see {@link GeneNomenclature}).
 */
final class LearnedLexicon {

    /**
     * What was learned; {@code geneIdsByOrganism} holds, for each gene name annotated with different ids in papers
     * about different organisms, the id per organism (see {@link GeneOrganisms}).
     */
    record Stats(int names, int conceptsAdded, int skippedComposite, int skippedTypeConflict,
            int skippedAgainstNomenclature, Map<String, Map<String, String>> geneIdsByOrganism) {
    }

    private LearnedLexicon() {
    }

    static Stats learn(List<AnnotatedCorpus> corpora, VocabularyBuilder into) {
        // Sorted maps: the names are added in one fixed order whatever the corpora's order of documents.
        Map<String, Votes> byName = new TreeMap<>();
        Map<String, Map<String, Votes>> genes = new TreeMap<>();
        int composite = 0;
        for (AnnotatedCorpus corpus : corpora) {
            for (AnnotatedDocument d : corpus.documents()) {
                String organism = organism(d);
                for (Annotation a : d.annotations()) {
                    if (a.ids().size() != 1) {
                        composite += a.ids().size() > 1 ? 1 : 0;
                        continue;
                    }
                    String norm = Tokens.normalizedOf(a.text());
                    if (norm.isEmpty()) {
                        continue;
                    }
                    Votes v = byName.computeIfAbsent(a.type() + "\t" + norm, k -> new Votes(a.type()));
                    v.ids.merge(a.ids().get(0), 1, Integer::sum);
                    v.surfaces.merge(a.text().strip(), 1, Integer::sum);
                    if (a.type() == EntityType.GENE) {
                        Votes g = genes.computeIfAbsent(norm, k -> new TreeMap<>())
                                .computeIfAbsent(organism, k -> new Votes(a.type()));
                        g.ids.merge(a.ids().get(0), 1, Integer::sum);
                        g.surfaces.merge(a.text().strip(), 1, Integer::sum);
                    }
                }
            }
        }
        int names = 0;
        int added = 0;
        int conflicts = 0;
        int nomenclatureConflicts = 0;
        GeneNomenclature nomenclature = new GeneNomenclature(into);
        for (Map.Entry<String, Votes> e : byName.entrySet()) {
            Votes v = e.getValue();
            String id = v.winner();
            EntityType known = into.typeOf(id);
            if (known != null && known != v.type) {
                conflicts++;
                continue;
            }
            if (v.type == EntityType.GENE
                    && nomenclature.contradicts(e.getKey().substring(e.getKey().indexOf('\t') + 1), id)) {
                nomenclatureConflicts++;
                continue;
            }
            if (known == null) {
                into.concept(v.type, id, v.mostWritten());
                added++;
            }
            for (String surface : v.surfaces.keySet()) {
                into.name(id, surface, TermKind.LEARNED);
                names++;
            }
        }
        return new Stats(names, added, composite, conflicts, nomenclatureConflicts,
                byOrganism(genes, into, nomenclature));
    }

    /** The organism a training document is about, from its species annotations. */
    private static String organism(AnnotatedDocument d) {
        Map<String, Integer> species = new TreeMap<>();
        for (Annotation a : d.annotations()) {
            if (a.type() == EntityType.SPECIES && a.ids().size() == 1) {
                species.merge(a.ids().get(0), 1, Integer::sum);
            }
        }
        return GeneOrganisms.organism(species);
    }

    /**
     * Per gene name, the id most annotated in papers about each organism, kept when the organisms disagree; each id
     * becomes a gene concept if no vocabulary has it (ids another vocabulary types otherwise are left out).
     */
    private static Map<String, Map<String, String>> byOrganism(Map<String, Map<String, Votes>> genes,
            VocabularyBuilder into, GeneNomenclature nomenclature) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        genes.forEach((name, votes) -> {
            Map<String, String> ids = new TreeMap<>();
            votes.forEach((organism, v) -> {
                EntityType known = into.typeOf(v.winner());
                if ((known == null || known == EntityType.GENE) && !nomenclature.contradicts(name, v.winner())) {
                    ids.put(organism, v.winner());
                }
            });
            if (ids.values().stream().distinct().count() > 1) {
                ids.forEach((organism, id) -> into.concept(EntityType.GENE, id, votes.get(organism).mostWritten()));
                out.put(name, ids);
            }
        });
        return out;
    }

    private static final class Votes {
        final EntityType type;
        final Map<String, Integer> ids = new TreeMap<>();
        final Map<String, Integer> surfaces = new TreeMap<>();

        Votes(EntityType type) {
            this.type = type;
        }

        /** Most votes; among equals the smallest id. */
        String winner() {
            return best(ids);
        }

        String mostWritten() {
            return best(surfaces);
        }

        private static String best(Map<String, Integer> counts) {
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
            entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()));
            return entries.get(0).getKey();
        }
    }
}
