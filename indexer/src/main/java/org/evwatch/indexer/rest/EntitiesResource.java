package org.evwatch.indexer.rest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;

import org.evwatch.indexer.api.EntitiesApi;
import org.evwatch.indexer.api.EntitySuggestion;
import org.evwatch.indexer.api.EntityView;
import org.evwatch.indexer.vocabulary.CatalogVocabulary;
import org.evwatch.query.EntityNames;
import org.evwatch.query.Vocabulary;
import org.evwatch.query.FilterValues;

/** Entity look-up and autocomplete, with how many papers mention each entity. */
public class EntitiesResource implements EntitiesApi {

    /** Names read per suggestion asked for, among which those of the entities in most papers are kept. */
    private static final int SUGGESTION_CANDIDATES = 5;

    private static final String SELECT = "select e.id, e.type, e.namespace, e.name, "
            + "(select count(*) from paper_entity pe where pe.entity_id = e.id) as papers from entity e ";

    private final EntityManager em;
    private final CatalogVocabulary vocabulary;

    public EntitiesResource(EntityManager em, CatalogVocabulary vocabulary) {
        this.em = em;
        this.vocabulary = vocabulary;
    }

    @Override
    public List<EntityView> entities(String prefix, String type, Integer limit) {
        if (limit == null || limit < 1 || limit > 100) {
            throw new Problems.BadParameterException("limit", "limit must be between 1 and 100");
        }
        String normalisedType = null;
        if (type != null && !type.isBlank()) {
            normalisedType = FilterValues.constant(type);
            if (!FilterValues.ENTITY_TYPES.contains(normalisedType)) {
                throw new Problems.BadParameterException("type", "unknown entity type '" + type + "'; allowed: "
                        + String.join(", ", FilterValues.ENTITY_TYPES));
            }
        }
        if (prefix != null && prefix.length() > FilterValues.MAX_VALUE_CHARS) {
            throw new Problems.BadParameterException("prefix",
                    "prefix has at most " + FilterValues.MAX_VALUE_CHARS + " characters");
        }
        String like = (prefix == null ? "" : prefix).toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_")
                + "%";
        var query = em.createNativeQuery("select * from (" + SELECT + "where lower(e.name) like :p escape '\\' "
                + (normalisedType == null ? "" : "and e.type = :t ") + ") x where papers > 0 "
                + "order by papers desc, name, id limit :n")
                .setParameter("p", like).setParameter("n", limit);
        if (normalisedType != null) {
            query.setParameter("t", normalisedType);
        }
        return views(query.getResultList());
    }

    @Override
    public List<EntitySuggestion> suggest(String prefix, Integer limit) {
        if (limit == null || limit < 1 || limit > 100) {
            throw new Problems.BadParameterException("limit", "limit must be between 1 and 100");
        }
        if (prefix != null && prefix.length() > FilterValues.MAX_VALUE_CHARS) {
            throw new Problems.BadParameterException("prefix",
                    "prefix has at most " + FilterValues.MAX_VALUE_CHARS + " characters");
        }
        // More names than asked for, so that the entities in most papers can be picked among them.
        List<EntityNames.Name> names = vocabulary.names().suggest(prefix, limit * SUGGESTION_CANDIDATES);
        Map<String, Long> papers = paperCounts(names.stream().flatMap(n -> n.entities().stream())
                .map(Vocabulary.Entity::id).toList());
        return names.stream().flatMap(n -> n.entities().stream().map(e -> new EntitySuggestion(n.text(), e.id(),
                e.type(), e.name(), papers.getOrDefault(e.id(), 0L))))
                .filter(s -> s.papers() > 0)
                .sorted(Comparator.comparingLong(EntitySuggestion::papers).reversed())
                .limit(limit).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> paperCounts(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("select entity_id, count(*) from paper_entity where entity_id "
                + "in (:ids) group by entity_id").setParameter("ids", ids).getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public EntityView entity(String id) {
        if (!FilterValues.isEntityId(id)) {
            throw new Problems.BadParameterException("id", "'" + id + "' is not an entity id such as MESH:D009369");
        }
        List<EntityView> found = views(em.createNativeQuery(SELECT + "where e.id = :id").setParameter("id", id)
                .getResultList());
        if (found.isEmpty()) {
            throw new NotFoundException("no entity with id " + id);
        }
        return found.get(0);
    }

    /** Top entities by paper count. */
    List<EntityView> top(int n) {
        return views(em.createNativeQuery("select e.id, e.type, e.namespace, e.name, c.papers from entity e join "
                + "(select entity_id, count(*) as papers from paper_entity group by entity_id) c "
                + "on c.entity_id = e.id order by c.papers desc, e.id limit :n").setParameter("n", n)
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<EntityView> views(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(r -> new EntityView((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], ((Number) r[4]).longValue())).toList();
    }
}
