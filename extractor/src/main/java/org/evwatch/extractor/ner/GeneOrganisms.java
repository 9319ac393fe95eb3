package org.evwatch.extractor.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.evwatch.events.EntityType;

/**
 * Whose gene a gene name means. The same name is a different NCBI Gene id in each organism ("p53" is
 * {@code NCBIGene:7157} in human, {@code NCBIGene:22060} in mouse); annotated corpora say which id their annotators
 * gave a name in papers about each organism. A paper's organism is the species it names most often (human when it
 * names none, and on a tie with human); a gene name learned under that organism is read as that organism's gene.
 * Names learned under one organism only, and names never annotated, keep their reading.
 */
final class GeneOrganisms {

    static final String HUMAN = "NCBITaxon:9606";
    static final GeneOrganisms NONE = new GeneOrganisms(Map.of());

    /** Normalised gene name to organism (species id) to concept. */
    private final Map<String, Map<String, Integer>> byName;

    private GeneOrganisms(Map<String, Map<String, Integer>> byName) {
        this.byName = byName;
    }

    /** Resolves the learned ids ({@code name -> organism -> gene id}) to the dictionary's concepts. */
    static GeneOrganisms compile(Map<String, Map<String, String>> learned, Dictionary d) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        learned.forEach((name, byOrganism) -> byOrganism.forEach((organism, id) -> {
            int c = d.indexOf(id);
            if (c >= 0 && d.concept(c).type() == EntityType.GENE) {
                out.computeIfAbsent(name, k -> new HashMap<>()).put(organism, c);
            }
        }));
        return new GeneOrganisms(out);
    }

    /** The organism a document is about, from how often each species is mentioned in it. */
    static String organism(Map<String, Integer> speciesMentions) {
        String best = HUMAN;
        int most = speciesMentions.getOrDefault(HUMAN, 0);
        for (Map.Entry<String, Integer> e : new TreeMap<>(speciesMentions).entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /** Reads each gene mention whose name was learned under the paper's organism as that organism's gene. */
    void apply(List<Found> found, Dictionary d) {
        if (byName.isEmpty()) {
            return;
        }
        Map<String, Integer> species = new HashMap<>();
        for (Found f : found) {
            if (d.concept(f.concept()).type() == EntityType.SPECIES) {
                species.merge(d.concept(f.concept()).id(), 1, Integer::sum);
            }
        }
        String organism = organism(species);
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            Map<String, Integer> ids = byName.get(f.name());
            Integer c = ids == null ? null : ids.get(organism);
            if (c != null && c != f.concept() && d.concept(f.concept()).type() == EntityType.GENE) {
                found.set(i, f.as(c));
            }
        }
    }
}
