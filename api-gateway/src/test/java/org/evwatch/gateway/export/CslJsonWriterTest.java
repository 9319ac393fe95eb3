package org.evwatch.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.gateway.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class CslJsonWriterTest {

    @Test
    void writesCslItemsWithDatePartsAndNames() throws Exception {
        String json = new CslJsonWriter().write(
                List.of(Fixtures.paper("exosome-pdac"), Fixtures.paper("preprint-minimal")));
        JsonNode items = new ObjectMapper().readTree(json);
        assertThat(items.isArray()).isTrue();
        assertThat(items).hasSize(2);
        JsonNode a = items.get(0);
        assertThat(a.get("type").asText()).isEqualTo("article-journal");
        assertThat(a.get("container-title").asText()).isEqualTo("Nature");
        assertThat(a.get("DOI").asText()).isEqualTo("10.1038/s41586-024-00001-x");
        assertThat(a.get("page").asText()).isEqualTo("177-182");
        assertThat(a.at("/issued/date-parts/0").toString()).isEqualTo("[2015,7,9]");
        assertThat(a.at("/author/0/family").asText()).isEqualTo("Melo");
        assertThat(a.at("/author/0/given").asText()).isEqualTo("Sonia A");
        assertThat(a.at("/author/2/literal").asText()).isEqualTo("EV-TRACK Consortium");
        JsonNode b = items.get(1);
        assertThat(b.get("type").asText()).isEqualTo("article");
        assertThat(b.at("/issued/date-parts/0").toString()).isEqualTo("[2024,1]");
        assertThat(b.has("abstract")).isFalse();
    }
}
