package org.evwatch.gateway.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.evwatch.gateway.matching.SearchFilters;
import org.evwatch.gateway.problem.ProblemException;

/** The query string of a search: the query, its filters and paging. */
public class SearchParams {

    @QueryParam("q")
    @Parameter(description = "Query in the search syntax (see docs/api.md): words (AND by default), \"phrases\", "
            + "AND/OR/NOT, -word, parentheses, field:value with fields title, abstract, body (the full text), author, "
            + "journal, keyword, entity, type, doi, pmid, pmcid, year, source, pubtype, relevance, tldr; "
            + "year:[2020 TO 2024]. Empty matches every paper.", example = "exosome AND entity:\"MESH:D010190\"")
    public String q;

    @QueryParam("entity")
    @Parameter(description = "Entity id; repeatable, values are ORed", example = "MESH:D010190")
    public List<String> entity;

    @QueryParam("entityType")
    @Parameter(description = "Entity type; repeatable", schema = @Schema(type = SchemaType.ARRAY, implementation = org.evwatch.events.EntityType.class))
    public List<String> entityType;

    @QueryParam("from")
    @Parameter(description = "Earliest published date, inclusive (ISO date)", example = "2020-01-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Latest published date, inclusive (ISO date)", example = "2024-12-31")
    public String to;

    @QueryParam("journal")
    @Parameter(description = "Exact journal title; repeatable", example = "Nature")
    public List<String> journal;

    @QueryParam("pubType")
    @Parameter(description = "Publication type; repeatable", example = "Review")
    public List<String> pubType;

    @QueryParam("source")
    @Parameter(description = "Source that reported the paper; repeatable", example = "pubmed")
    public List<String> source;

    @QueryParam("relevance")
    @Parameter(description = "Relevance label; repeatable", schema = @Schema(type = SchemaType.ARRAY, enumeration = {
            "RELEVANT", "BORDERLINE", "OFF_TOPIC"}))
    public List<String> relevance;

    /** The filters, validated; 400 on a bad date or range. */
    public SearchFilters filters() {
        SearchFilters f = new SearchFilters(entity, entityType, date("from", from), date("to", to), journal, pubType,
                source, relevance);
        String problem = f.problem();
        if (problem != null) {
            throw ProblemException.badRequest(problem + ".");
        }
        return f;
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + name + "' is not an ISO date (YYYY-MM-DD): " + value);
        }
    }
}
