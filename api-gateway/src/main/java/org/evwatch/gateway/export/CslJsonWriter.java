package org.evwatch.gateway.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.evwatch.events.Paper;
import org.evwatch.gateway.model.PartialDate;
import org.evwatch.indexer.api.PaperView;

/**
 * CSL-JSON, the citeproc input format Zotero and Pandoc read: an array of items whose field names follow the CSL
 * 1.0.2 variables ({@code container-title}, {@code issued.date-parts}, {@code DOI} ...).
 */
public final class CslJsonWriter implements CitationWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String write(List<PaperView> papers) {
        List<Map<String, Object>> items = papers.stream().map(CslJsonWriter::item).toList();
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSL-JSON of plain maps cannot fail", e);
        }
    }

    static Map<String, Object> item(PaperView paper) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", paper.id());
        item.put("type", switch (Citations.kind(paper)) {
            case PREPRINT -> "article";
            case ARTICLE, REVIEW -> "article-journal";
        });
        put(item, "title", paper.title());
        List<Map<String, String>> authors = new ArrayList<>();
        for (Paper.Author a : Citations.authors(paper)) {
            Map<String, String> name = new LinkedHashMap<>();
            if (a.family() != null) {
                name.put("family", a.family());
                if (Citations.present(a.given())) {
                    name.put("given", a.given());
                }
            } else {
                name.put("literal", a.collectiveName());
            }
            authors.add(name);
        }
        if (!authors.isEmpty()) {
            item.put("author", authors);
        }
        Paper.Journal journal = paper.journal();
        put(item, "container-title", journal.title());
        put(item, "container-title-short", journal.isoAbbreviation());
        put(item, "volume", journal.volume());
        put(item, "issue", journal.issue());
        String[] pages = Citations.pages(journal);
        if (pages != null) {
            put(item, "page", pages[1] == null ? pages[0] : pages[0] + "-" + pages[1]);
        }
        put(item, "ISSN", journal.issn() != null ? journal.issn() : journal.eissn());
        put(item, "publisher", journal.publisher());
        put(item, "DOI", paper.ids().doi());
        put(item, "PMID", paper.ids().pmid());
        put(item, "PMCID", paper.ids().pmcid());
        put(item, "URL", paper.ids().doi() != null ? "https://doi.org/" + paper.ids().doi() : paper.url());
        put(item, "abstract", paper.abstractText());
        PartialDate issued = PartialDate.parse(paper.dates().published() != null
                ? paper.dates().published()
                : paper.dates().epub());
        if (issued != null) {
            item.put("issued", Map.of("date-parts", List.of(issued.parts())));
        } else if (paper.year() != null) {
            item.put("issued", Map.of("date-parts", List.of(List.of(paper.year()))));
        }
        List<String> keywords = new ArrayList<>(paper.keywords());
        paper.meshHeadings().forEach(m -> keywords.add(m.name()));
        if (!keywords.isEmpty()) {
            item.put("keyword", String.join(", ", keywords));
        }
        put(item, "language", paper.language());
        return item;
    }

    private static void put(Map<String, Object> item, String key, String value) {
        if (Citations.present(value)) {
            item.put(key, value);
        }
    }
}
