package org.evwatch.extractor.ner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evwatch.events.Entity;
import org.evwatch.extractor.vocab.Concept;

/**
 * Last stage: one entity per concept, carrying the vocabulary id, namespace, preferred name and cross-references,
 * with all its mentions; entities come in order of first mention.
 */
final class EntityGrouping {

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
        List<Entity> out = new ArrayList<>(byConcept.size());
        for (Map.Entry<Integer, List<Entity.Mention>> e : byConcept.entrySet()) {
            Concept c = dictionary.concept(e.getKey());
            out.add(new Entity(c.type(), c.id(), c.namespace(), c.name(), c.xrefs(), e.getValue()));
        }
        return out;
    }
}
