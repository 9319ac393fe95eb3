package org.evwatch.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.events.Paper;
import org.evwatch.events.Summary;
import org.junit.jupiter.api.Test;

class ContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void everyOperationIsOneMethodAndPathUnderTheInternalPrefix() {
        List<String> operations = new ArrayList<>();
        for (Class<?> concern : IndexerApi.class.getInterfaces()) {
            assertThat(concern.getAnnotation(Path.class).value()).as(concern.getSimpleName())
                    .isEqualTo("/internal/v1");
            for (Method m : concern.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class)
                        ? "GET"
                        : m.isAnnotationPresent(POST.class) ? "POST" : null;
                assertThat(verb).as("HTTP method of %s", m.getName()).isNotNull();
                operations.add(verb + " " + m.getAnnotation(Path.class).value());
            }
        }
        assertThat(operations).containsExactlyInAnyOrder("GET /search", "GET /search/expansions",
                "GET /papers/{id: .+}", "GET /papers/{id: .+}/similar", "GET /papers/{id: .+}/profile", "GET /entities",
                "GET /entities/suggest",
                "GET /entities/{id: .+}",
                "GET /stats", "POST /admin/reindex", "GET /admin/reindex");
    }

    @Test
    void aPaperViewReadFromSparseJsonHasEmptyListsAndDerivedFields() throws Exception {
        PaperView view = JSON.readValue(("{\"id\":\"p-1\",\"version\":2,\"title\":\"T\","
                + "\"abstractSections\":[{\"label\":null,\"text\":\"One.\"},{\"label\":null,\"text\":\"Two.\"}],"
                + "\"dates\":{\"published\":\"2024-05\"}}").getBytes(), PaperView.class);
        assertThat(view.abstractText()).isEqualTo("One.\nTwo.");
        assertThat(view.year()).isEqualTo(2024);
        assertThat(view.ids()).isEqualTo(Paper.Identifiers.NONE);
        assertThat(view.journal()).isEqualTo(Paper.Journal.NONE);
        assertThat(view.summary()).isEqualTo(Summary.NONE);
        assertThat(Arrays.asList(view.authors(), view.entities(), view.sources(), view.keywords()))
                .allSatisfy(list -> assertThat(list).isEmpty());
    }

    @Test
    void aSearchResponseKeepsItsShapeOnTheWire() throws Exception {
        SearchResponse response = new SearchResponse(1,
                List.of(new SearchHit("p-1", null, "T", null, null, "Nature", "2024-05-01", 2024, null, null,
                        "RELEVANT", List.of(), null)),
                null, null, null, List.of(new SearchResponse.Expansion("TSPAN30", "EV:marker/CD63", "EV_MARKER",
                        "CD63")));
        String json = JSON.writeValueAsString(response);
        assertThat(json).contains("\"total\":1", "\"relevance\":\"RELEVANT\"", "\"facets\":{}",
                "\"nextCursor\":null", "\"highlights\":{}", "\"timeline\":null",
                "\"expansions\":[{\"term\":\"TSPAN30\",\"entityId\":\"EV:marker/CD63\",\"type\":\"EV_MARKER\","
                        + "\"name\":\"CD63\"}]");
        assertThat(JSON.readValue(json, SearchResponse.class)).isEqualTo(response);
    }

    @Test
    void aTimelineKeepsItsShapeOnTheWire() throws Exception {
        var year = new SearchTimeline.Period("2024", "2024-01-01", "2024-12-31", 3);
        SearchResponse response = new SearchResponse(3, List.of(), null, null, new SearchTimeline(0, List.of(year),
                List.of(new SearchTimeline.Period("2024-05", "2024-05-01", "2024-05-31", 2)),
                List.of(new SearchTimeline.EntityTrend(org.evwatch.events.EntityType.EV_SUBTYPE,
                        "EV:subtype/exosome", "exosome", 3, List.of(year)))),
                null);
        String json = JSON.writeValueAsString(response);
        assertThat(json).contains("\"timeline\":{\"undated\":0,\"years\":[{\"period\":\"2024\",\"from\":\"2024-01-01\"",
                "\"type\":\"EV_SUBTYPE\"");
        assertThat(JSON.readValue(json, SearchResponse.class)).isEqualTo(response);
    }

    @Test
    void aProblemLeavesOutWhatItDoesNotKnow() throws Exception {
        String json = JSON.writeValueAsString(new Problem("urn:evwatch:problem:not-found", "Not found", 404,
                "no paper", "/internal/v1/papers/x", null, null));
        assertThat(json).doesNotContain("position", "parameter");
    }
}
