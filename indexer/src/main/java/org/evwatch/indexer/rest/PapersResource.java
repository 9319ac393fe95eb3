package org.evwatch.indexer.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.persistence.EntityRow;
import org.evwatch.indexer.persistence.MentionRow;
import org.evwatch.indexer.persistence.PaperRow;
import org.evwatch.indexer.persistence.SourceRecordRow;
import org.evwatch.indexer.rest.model.PaperView;
import org.evwatch.indexer.rest.model.Problem;

/** Papers by any of their ids. */
@Path("/internal/v1/papers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "papers")
public class PapersResource {

    @GET
    @Path("/{id: .+}")
    @Operation(summary = "A paper by catalog id, doi:/pmid:/pmcid: id, or a bare DOI (10.…), PMID (digits) or PMCID (PMC…)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaperView.class)))
    @APIResponse(responseCode = "404", description = "No such paper", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PaperView paper(@Parameter(description = "Any id of the paper") @PathParam("id") String id) {
        PaperRow row = PaperRow.findByAnyId(id);
        if (row == null || row.merged == null) {
            throw new NotFoundException("no paper with id " + id);
        }
        return view(row);
    }

    static PaperView view(PaperRow row) {
        PaperIndexed indexed = EventJson.read(row.merged.getBytes(StandardCharsets.UTF_8), PaperIndexed.class);
        var p = indexed.paper();
        Map<String, List<PaperView.MentionView>> mentions = new LinkedHashMap<>();
        for (MentionRow m : MentionRow.<MentionRow>list("paperId = ?1 order by section, startOffset", row.id)) {
            mentions.computeIfAbsent(m.entityId, k -> new ArrayList<>())
                    .add(new PaperView.MentionView(m.startOffset, m.endOffset, m.text, m.section));
        }
        List<PaperView.EntityWithMentions> entities = new ArrayList<>();
        for (PaperIndexed.EntityCount e : indexed.entities()) {
            EntityRow er = EntityRow.findById(e.id());
            entities.add(new PaperView.EntityWithMentions(e.type(), e.id(), er == null ? null : er.namespace,
                    e.name(), er == null || er.xrefs == null || er.xrefs.isBlank()
                            ? List.of()
                            : Arrays.asList(er.xrefs.split(" ")),
                    mentions.getOrDefault(e.id(), List.of())));
        }
        List<PaperView.SourceView> sources = SourceRecordRow.ofPaper(row.id).stream()
                .map(s -> new PaperView.SourceView(s.source, s.sourceRecordId, s.contentType, s.fetchedAt,
                        s.sourceUrl, s.watchId, s.extractedAt, s.extractorVersion))
                .toList();
        return new PaperView(row.id, row.version, p.ids(), p.title(), p.abstractSections(), p.abstractText(),
                p.authors(), p.journal(), p.dates(), p.dates().year(), p.publicationTypes(), p.keywords(),
                p.meshHeadings(), p.license(), p.language(), p.url(), entities, indexed.summary(), sources,
                row.createdAt, row.updatedAt);
    }
}
