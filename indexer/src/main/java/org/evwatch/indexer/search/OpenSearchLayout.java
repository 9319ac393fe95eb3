package org.evwatch.indexer.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexableField;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.query.PaperAnalysis;
import org.evwatch.query.PaperDocuments;
import org.evwatch.query.PaperFields;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenSearch index of papers: its analysers (the chains of {@link PaperAnalysis}, built from OpenSearch's own
 * filters), its mapping, and a paper's document. The document holds the very fields {@link PaperDocuments} gives
 * the Lucene index, under OpenSearch names ({@link OpenSearchQueries#field}), plus what aggregations need.
 */
final class OpenSearchLayout {

    /** The stored hit summary, in the source only. */
    static final String HIT = "hit";
    /** The entity ids alone, for the entity facet's counts. */
    static final String ENTITY_ID = "facet_entityId";
    /** {@code TYPE<US>id}: the entities of one type, for the timeline's top entities of each charted type. */
    static final String ENTITY_TYPED = "facet_entityTyped";
    /** The month of the published day ({@code year * 12 + month - 1}) and its year, for the timeline. */
    static final String MONTH = "published_month";
    static final String YEAR = "published_year";

    private static final List<String> NAME_FIELDS = List.of(PaperFields.AUTHOR, PaperFields.JOURNAL);
    private static final List<String> KEYWORDS = List.of(PaperFields.ID, PaperFields.ENTITY, PaperFields.TYPE,
            PaperFields.DOI, PaperFields.PMID, PaperFields.PMCID, PaperFields.SOURCE, PaperFields.PUBTYPE,
            PaperFields.RELEVANCE, PaperFields.JOURNAL_EXACT, ENTITY_ID, ENTITY_TYPED);

    private OpenSearchLayout() {
    }

    /** The body that creates the index: shards, analysers, and the mapping, which records the document layout. */
    static ObjectNode indexBody(int shards, int replicas) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", shards).put("number_of_replicas", replicas).put("refresh_interval", "1s");
        analysis(index.putObject("analysis"));
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.putObject("_meta").put("layout", PaperDocuments.LAYOUT);
        properties(mappings.putObject("properties"));
        return body;
    }

    /** {@code paper_text} and {@code paper_name}: the text and name chains of {@link PaperAnalysis}. */
    private static void analysis(ObjectNode analysis) {
        ObjectNode filters = analysis.putObject("filter");
        filters.putObject("paper_possessive").put("type", "stemmer").put("language", "possessive_english");
        filters.putObject("paper_stop").put("type", "stop").put("stopwords", "_english_");
        ArrayNode rules = filters.putObject("paper_domain_stems").put("type", "stemmer_override").putArray("rules");
        PaperAnalysis.DOMAIN_STEM_WORDS.forEach((word, stem) -> rules.add(word + " => " + stem));
        ObjectNode analyzers = analysis.putObject("analyzer");
        ObjectNode text = analyzers.putObject("paper_text").put("type", "custom").put("tokenizer", "standard");
        text.putArray("filter").add("paper_possessive").add("lowercase").add("asciifolding").add("paper_stop")
                .add("paper_domain_stems").add("kstem");
        ObjectNode name = analyzers.putObject("paper_name").put("type", "custom").put("tokenizer", "standard");
        name.putArray("filter").add("lowercase").add("asciifolding");
    }

    private static void properties(ObjectNode p) {
        for (String f : PaperFields.TEXT_FIELDS) {
            ObjectNode text = p.putObject(f).put("type", "text")
                    .put("analyzer", NAME_FIELDS.contains(f) ? "paper_name" : "paper_text");
            if (f.equals(PaperFields.TITLE) || f.equals(PaperFields.ABSTRACT)) {
                text.put("index_options", "offsets");
            }
        }
        KEYWORDS.forEach(f -> p.putObject(OpenSearchQueries.field(f)).put("type", "keyword"));
        PaperFields.FACETS.values().forEach(f -> p.putObject(OpenSearchQueries.field(f)).put("type", "keyword"));
        p.putObject(PaperFields.YEAR).put("type", "integer");
        p.putObject(PaperFields.PUBLISHED).put("type", "long");
        p.putObject(MONTH).put("type", "integer");
        p.putObject(YEAR).put("type", "integer");
        p.putObject(HIT).put("type", "object").put("enabled", false);
    }

    /** A paper's document: the Lucene index's fields, by OpenSearch name, and the stored hit summary. */
    static ObjectNode document(PaperIndexed paper) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        Document doc = PaperDocuments.toDocument(paper);
        for (IndexableField f : doc) {
            Object value = value(f);
            String name = OpenSearchQueries.field(f.name());
            // The id is there twice: as a keyword and as the sort's doc values.
            if (value != null && !(f.fieldType().docValuesType() == DocValuesType.SORTED && values.containsKey(name))) {
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        for (Object entity : values.getOrDefault(OpenSearchQueries.field(PaperFields.FACET_ENTITY), List.of())) {
            String[] parts = ((String) entity).split(String.valueOf(PaperFields.ENTITY_FACET_SEPARATOR), -1);
            values.computeIfAbsent(ENTITY_ID, k -> new ArrayList<>()).add(parts[0]);
            values.computeIfAbsent(ENTITY_TYPED, k -> new ArrayList<>())
                    .add(parts[1] + PaperFields.ENTITY_FACET_SEPARATOR + parts[0]);
        }
        LocalDate published = PaperDocuments.publishedDate(paper.paper().dates());
        if (published != null) {
            values.put(MONTH, List.of(published.getYear() * 12 + published.getMonthValue() - 1));
            values.put(YEAR, List.of(published.getYear()));
        }
        ObjectNode out = EventJson.mapper().createObjectNode();
        values.forEach((name, list) -> out.set(name, EventJson.mapper().valueToTree(list.size() == 1
                ? list.get(0)
                : list)));
        out.set(HIT, EventJson.mapper().valueToTree(HitSummary.of(paper)));
        return out;
    }

    /**
     * What a Lucene field holds: its text, its number, or the text of its doc values; null for points, which carry
     * a number that another field of the same name holds too.
     */
    private static Object value(IndexableField f) {
        if (f.stringValue() != null) {
            return f.stringValue();
        }
        if (f.numericValue() != null) {
            return f.numericValue();
        }
        if (f.fieldType().docValuesType() == DocValuesType.SORTED_SET
                || f.fieldType().docValuesType() == DocValuesType.SORTED) {
            return f.binaryValue().utf8ToString();
        }
        return null;
    }
}
