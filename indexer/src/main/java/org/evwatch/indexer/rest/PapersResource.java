package org.evwatch.indexer.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.NotFoundException;

import org.evwatch.query.FilterValues;
import org.evwatch.events.Entity;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.api.PaperProfile;
import org.evwatch.indexer.api.PaperView;
import org.evwatch.indexer.api.PapersApi;
import org.evwatch.indexer.api.SimilarResponse;
import org.evwatch.indexer.persistence.EntityRow;
import org.evwatch.indexer.persistence.MentionRow;
import org.evwatch.indexer.persistence.PaperRow;
import org.evwatch.indexer.persistence.SourceRecordRow;
import org.evwatch.indexer.search.PaperWeights;
import org.evwatch.indexer.search.SearchIndex;
import org.evwatch.indexer.search.SimilarResult;

/** Papers by any of their ids. */
public class PapersResource implements PapersApi {

    private final SearchIndex index;

    public PapersResource(SearchIndex index) {
        this.index = index;
    }

    @Override
    public PaperView paper(String id) {
        checkId(id);
        PaperRow row = PaperRow.findByAnyId(id);
        if (row == null || row.merged == null) {
            throw new NotFoundException("no paper with id " + id);
        }
        return view(row);
    }

    @Override
    public SimilarResponse similar(String id, Integer limit) {
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > MAX_SIMILAR) {
            throw new Problems.BadParameterException("limit", "limit must be between 1 and " + MAX_SIMILAR);
        }
        checkId(id);
        PaperRow row = PaperRow.findByAnyId(id);
        SimilarResult result;
        try {
            result = row == null || row.merged == null ? null : index.similar(row.id, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result == null) {
            throw new NotFoundException("no paper with id " + id);
        }
        return new SimilarResponse(result.paperId(), result.hits().stream()
                .map(h -> new SimilarResponse.Similar(SearchResource.hit(h.id(), (float) h.score(), h.summary(),
                        Map.of()), h.sharedTerms(), SearchResource.entities(h.sharedEntities())))
                .toList());
    }

    @Override
    public PaperProfile profile(String id) {
        checkId(id);
        PaperRow row = PaperRow.findByAnyId(id);
        PaperWeights weights;
        try {
            weights = row == null || row.merged == null ? null : index.weights(row.id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (weights == null) {
            throw new NotFoundException("no paper with id " + id);
        }
        return new PaperProfile(weights.paperId(), weights.length(), weights.terms().stream()
                .map(t -> new PaperProfile.Term(t.term(), t.count(), t.weight(), t.idf())).toList(),
                weights.entities().stream().map(e -> new PaperProfile.EntityWeight(e.value(), e.weight())).toList());
    }

    private static void checkId(String id) {
        if (id.length() > FilterValues.MAX_VALUE_CHARS) {
            throw new Problems.BadParameterException("id", "a paper id has at most " + FilterValues.MAX_VALUE_CHARS
                    + " characters");
        }
    }

    static PaperView view(PaperRow row) {
        PaperIndexed indexed = EventJson.read(row.merged.getBytes(StandardCharsets.UTF_8), PaperIndexed.class);
        var p = indexed.paper();
        Map<String, List<Entity.Mention>> mentions = new LinkedHashMap<>();
        for (MentionRow m : MentionRow.<MentionRow>list("paperId = ?1 order by section, startOffset", row.id)) {
            mentions.computeIfAbsent(m.entityId, k -> new ArrayList<>())
                    .add(new Entity.Mention(m.startOffset, m.endOffset, m.text, m.section));
        }
        List<Entity> entities = new ArrayList<>();
        for (PaperIndexed.EntityCount e : indexed.entities()) {
            EntityRow er = EntityRow.findById(e.id());
            entities.add(new Entity(e.type(), e.id(), er == null ? null : er.namespace,
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
