package org.evwatch.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The whole vocabulary in memory: each name the extractor linked to an entity, by its analysed form for look-ups and
 * by its folded form for suggestions while typing. Names are added as papers arrive and never removed. Safe for
 * look-ups while names are added.
 */
public final class EntityNames implements Vocabulary {

    /**
     * Most entities one name may stand for; past them it is too ambiguous to expand ("cells", "patients") and the
     * entities first seen are kept.
     */
    public static final int MAX_ENTITIES_PER_NAME = 8;
    /** Shortest analysed name that is looked up: one letter names nothing useful. */
    public static final int MIN_NAME_CHARS = 2;

    /** A name as it was written and the entities it stands for. */
    public record Name(String text, List<Entity> entities) {
    }

    private final Map<String, List<Entity>> byTerm = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<String, Name> byForm = new ConcurrentSkipListMap<>();

    /** Records that {@code text} names the entity. */
    public void add(String text, Entity entity) {
        if (text == null || entity == null || entity.id() == null) {
            return;
        }
        String term = PaperAnalysis.termKey(text);
        String form = PaperAnalysis.formKey(text);
        if (term.length() < MIN_NAME_CHARS || form.length() < MIN_NAME_CHARS) {
            return;
        }
        byTerm.compute(term, (k, known) -> with(known, entity));
        byForm.compute(form, (k, known) -> known == null
                ? new Name(text.strip(), List.of(entity))
                : new Name(known.text(), with(known.entities(), entity)));
    }

    private static List<Entity> with(List<Entity> known, Entity entity) {
        if (known == null) {
            return List.of(entity);
        }
        if (known.size() >= MAX_ENTITIES_PER_NAME || known.stream().anyMatch(e -> e.id().equals(entity.id()))) {
            return known;
        }
        List<Entity> more = new ArrayList<>(known);
        more.add(entity);
        return List.copyOf(more);
    }

    @Override
    public List<Entity> lookup(String text) {
        return text == null ? List.of() : byTerm.getOrDefault(PaperAnalysis.termKey(text), List.of());
    }

    @Override
    public boolean complete() {
        return true;
    }

    /**
     * The entities with a name starting with {@code prefix} (case and accents aside), each once, under the shortest
     * such name; at most {@code limit}, shortest names first.
     */
    public List<Name> suggest(String prefix, int limit) {
        String from = PaperAnalysis.formKey(prefix == null ? "" : prefix);
        if (from.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Name> out = new ArrayList<>();
        // Shortest first, so that "exosome" comes before "exosome-depleted serum"; a bounded scan keeps a short
        // prefix over a large vocabulary cheap.
        List<Name> candidates = byForm.subMap(from, from + Character.MAX_VALUE).values().stream()
                .limit(limit * 50L).sorted(Comparator.comparingInt((Name n) -> n.text().length())
                        .thenComparing(Name::text))
                .toList();
        for (Name name : candidates) {
            List<Entity> fresh = name.entities().stream().filter(e -> seen.add(e.id())).toList();
            if (!fresh.isEmpty() && out.size() < limit) {
                out.add(new Name(name.text(), fresh));
            }
        }
        return out;
    }

    /** Number of distinct names held. */
    public int size() {
        return byForm.size();
    }
}
