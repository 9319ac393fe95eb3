package org.evwatch.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of entities, as the extractor linked them to ids: every surface form it annotated ("exosomes", "small
 * EVs", "TSPAN30") and each entity's preferred name. A query looks its words and phrases up here to find the papers
 * annotated with the entity they name, and {@code entity:} takes a name as well as an id.
 * <p>
 * Names are compared by their analysed form ({@link PaperAnalysis#termKey}): case, accents, plurals and stop words
 * do not matter.
 */
public interface Vocabulary {

    /** An entity a name stands for. */
    record Entity(String id, String type, String name) {
    }

    /** The entities a word or phrase names; empty when it names none. */
    List<Entity> lookup(String text);

    /**
     * Whether this vocabulary holds every name the catalog knows, so that an {@code entity:} name it does not know is
     * an error rather than a value that matches nothing.
     */
    boolean complete();

    /** No names at all: nothing is expanded, and an {@code entity:} name is searched as given. */
    Vocabulary NONE = new Vocabulary() {
        @Override
        public List<Entity> lookup(String text) {
            return List.of();
        }

        @Override
        public boolean complete() {
            return false;
        }
    };

    /**
     * The names of some expansions only, as a parse against the whole vocabulary reported them: parsing the same
     * query with it builds the same query. Not complete.
     */
    static Vocabulary of(Collection<Expansion> expansions) {
        Map<String, Set<Entity>> byKey = new HashMap<>();
        for (Expansion e : expansions) {
            byKey.computeIfAbsent(PaperAnalysis.termKey(e.term()), k -> new LinkedHashSet<>())
                    .add(new Entity(e.entityId(), e.type(), e.name()));
        }
        return new Vocabulary() {
            @Override
            public List<Entity> lookup(String text) {
                return List.copyOf(byKey.getOrDefault(PaperAnalysis.termKey(text), Set.of()));
            }

            @Override
            public boolean complete() {
                return false;
            }
        };
    }
}
