package org.evwatch.indexer.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.persistence.PaperRow;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Internal API for the gateway: papers by id and a simple text search. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PapersResource {

    public record PaperView(String id, long version, Object ids, String title, Object abstractSections,
            String abstractText, Object authors, Object journal, Object dates, Integer year, Object entities,
            Object summary, Object sources) {
        static PaperView of(PaperRow row) {
            PaperExtracted e = EventJson.read(row.extracted.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    PaperExtracted.class);
            var p = e.paper();
            return new PaperView(row.id, row.version, p.ids(), p.title(), p.abstractSections(), p.abstractText(),
                    p.authors(), p.journal(), p.dates(), row.year, e.entities(), e.summary(), List.of(e.source()));
        }
    }

    public record SearchHit(String id, String title, Object ids, Integer year) {
    }

    public record SearchResponse(long total, List<SearchHit> hits, Map<String, Object> facets, String nextCursor) {
    }

    @GET
    @Path("/papers/{id: .+}")
    @Operation(summary = "A paper by catalog id, DOI, PMID or PMCID")
    @APIResponse(responseCode = "404", description = "No such paper")
    public PaperView paper(@PathParam("id") String id) {
        PaperRow row = PaperRow.findByAnyId(id);
        if (row == null) {
            throw new NotFoundException("no paper with id " + id);
        }
        return PaperView.of(row);
    }

    @GET
    @Path("/search")
    @Operation(summary = "Papers whose title contains all the words of q")
    public SearchResponse search(@QueryParam("q") @DefaultValue("") String q,
            @QueryParam("size") @DefaultValue("20") int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        String[] words = q.trim().isEmpty() ? new String[0] : q.trim().toLowerCase().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            where.append(" and lower(title) like :w").append(i);
            params.put("w" + i, "%" + words[i].replace("%", "").replace("_", "") + "%");
        }
        var query = PaperRow.<PaperRow>find(where.toString(), Sort.by("updatedAt").descending(), params);
        List<SearchHit> hits = query.page(Page.ofSize(Math.max(1, Math.min(size, 100)))).list().stream()
                .map(r -> new SearchHit(r.id, r.title, Map.of("doi", String.valueOf(r.doi), "pmid",
                        String.valueOf(r.pmid)), r.year))
                .toList();
        return new SearchResponse(query.count(), hits, Map.of(), null);
    }
}
