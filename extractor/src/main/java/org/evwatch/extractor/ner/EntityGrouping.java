package org.evwatch.extractor.ner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.extractor.vocab.Concept;
import org.evwatch.extractor.vocab.Namespaces;

/**
 * Last stage: one entity per concept, carrying the vocabulary id, namespace, preferred name and cross-references,
 * with all its mentions; entities come in order of first mention. An EV marker is also the gene it is: each marker
 * with an NCBI Gene cross-reference is followed by that gene as a {@code GENE} entity with the same mentions
 * ({@code EV:marker/CD63} and {@code NCBIGene:967}), merged with the gene's own mentions when the paper names it
 * otherwise too, so that a paper on CD63-positive vesicles is found by its gene id as well as by its EV layer id.
 */
final class EntityGrouping {

    private static final String GENE_PREFIX = "NCBIGene:";

    private final Dictionary dictionary;

    EntityGrouping(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    List<Entity> entities(List<Found> found, List<Section> sections) {
        Map<Integer, List<Entity.Mention>> byConcept = new LinkedHashMap<>();
        for (Found f : found) {
            Section s = sections.get(f.section());
            byConcept.computeIfAbsent(f.concept(), k -> new ArrayList<>())
                    .add(new Entity.Mention(f.start(), f.end(), s.text().substring(f.start(), f.end()), s.name()));
        }
        Map<String, Entity> byId = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Entity.Mention>> e : byConcept.entrySet()) {
            Concept c = dictionary.concept(e.getKey());
            add(byId, new Entity(c.type(), c.id(), c.namespace(), c.name(), c.xrefs(), e.getValue()));
            if (c.type() == EntityType.EV_MARKER) {
                c.xrefs().stream().filter(x -> x.startsWith(GENE_PREFIX)).findFirst()
                        .ifPresent(gene -> add(byId, geneOf(c, gene, e.getValue())));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The gene a marker is: the gene concept when the vocabulary has it, else the marker's own name and xrefs. */
    private Entity geneOf(Concept marker, String geneId, List<Entity.Mention> mentions) {
        Optional<Concept> gene = dictionary.lookup(geneId);
        String name = gene.map(Concept::name).orElse(marker.name());
        Set<String> xrefs = new LinkedHashSet<>(gene.map(Concept::xrefs).orElse(marker.xrefs()));
        xrefs.remove(geneId);
        xrefs.add(marker.id());
        return new Entity(EntityType.GENE, geneId, Namespaces.of(geneId), name, List.copyOf(xrefs), mentions);
    }

    /** Adds an entity, or merges its mentions into the entity already there with the same id. */
    private static void add(Map<String, Entity> byId, Entity e) {
        Entity had = byId.get(e.id());
        if (had == null) {
            byId.put(e.id(), e);
            return;
        }
        List<Entity.Mention> mentions = new ArrayList<>(had.mentions());
        e.mentions().stream().filter(m -> !mentions.contains(m)).forEach(mentions::add);
        byId.put(e.id(), new Entity(had.type(), had.id(), had.namespace(), had.name(), had.xrefs(), mentions));
    }
}
