package org.evwatch.gateway.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.evwatch.query.FilterValues;
import org.evwatch.query.PaperFields;
import org.evwatch.query.PaperFilters;

/**
 * The filters of a search or a subscription, beside its query text: values are ORed within one filter and the
 * filters are ANDed. Dates are inclusive and apply to the published date.
 */
public record SearchFilters(List<String> entity, List<String> entityType, LocalDate from, LocalDate to,
        List<String> journal, List<String> pubType, List<String> source, List<String> relevance) {

    public static final SearchFilters NONE = new SearchFilters(null, null, null, null, null, null, null, null);

    public SearchFilters {
        entity = clean(entity);
        entityType = clean(entityType);
        journal = clean(journal);
        pubType = clean(pubType);
        source = clean(source);
        relevance = clean(relevance);
    }

    /** Why these filters cannot be searched, or null when they can: the values search accepts, no others. */
    public String problem() {
        if (from != null && to != null && from.isAfter(to)) {
            return "'from' is after 'to'";
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("entity", entity);
        filters.put("entityType", entityType);
        filters.put("journal", journal);
        filters.put("pubType", pubType);
        filters.put("source", source);
        filters.put("relevance", relevance);
        return filters.entrySet().stream().map(f -> FilterValues.problem(f.getKey(), f.getValue()))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Whether no filter is set. */
    public boolean isEmpty() {
        return entity.isEmpty() && entityType.isEmpty() && from == null && to == null && journal.isEmpty()
                && pubType.isEmpty() && source.isEmpty() && relevance.isEmpty();
    }

    /** The filters as Lucene clauses over the fields {@code PaperDocuments} writes. */
    public List<Query> toQueries() {
        List<Query> out = new ArrayList<>();
        if (!entity.isEmpty()) {
            out.add(PaperFilters.anyOf(PaperFields.ENTITY, entity));
        }
        if (!entityType.isEmpty()) {
            out.add(PaperFilters.anyOf(PaperFields.TYPE, entityType));
        }
        if (!journal.isEmpty()) {
            out.add(PaperFilters.journals(journal));
        }
        if (!pubType.isEmpty()) {
            out.add(PaperFilters.anyOf(PaperFields.PUBTYPE, pubType));
        }
        if (!source.isEmpty()) {
            out.add(PaperFilters.anyOf(PaperFields.SOURCE, source));
        }
        if (!relevance.isEmpty()) {
            out.add(PaperFilters.anyOf(PaperFields.RELEVANCE, relevance));
        }
        if (from != null || to != null) {
            out.add(PaperFilters.published(from, to));
        }
        return out;
    }

    /** {@code query} restricted by these filters. */
    public Query restrict(Query query) {
        List<Query> filters = toQueries();
        if (filters.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        filters.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
    }
}
