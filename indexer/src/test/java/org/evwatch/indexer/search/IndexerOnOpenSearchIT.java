package org.evwatch.indexer.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.indexer.merge.Fixtures;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The indexer with {@code evwatch.index.engine=opensearch}, end to end on the real broker and PostgreSQL: a consumed
 * paper is written to OpenSearch, announced, and found through the internal search API with its facets and
 * highlights.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = OpenSearchResource.class, restrictToAnnotatedClass = true)
class IndexerOnOpenSearchIT {

    @Test
    void aConsumedPaperIsSearchableInOpenSearch() {
        PaperExtracted pubmed = Fixtures.record("pubmed");
        PaperIndexedDeserializer reader = new PaperIndexedDeserializer();
        try (KafkaConsumer<String, byte[]> indexed = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
            TestKafka.send(Topics.PAPERS_EXTRACTED, pubmed.paperKey(), EventJson.write(pubmed));
            TestKafka.await(indexed, r -> reader.deserialize(r.topic(), r.value()).paper().title()
                    .equals(pubmed.paper().title()), Duration.ofSeconds(60));
        }
        given().queryParam("q", "exosomal melanoma").queryParam("entity", "MESH:D008545").get("/internal/v1/search")
                .then().statusCode(200).body("total", equalTo(1))
                .body("hits[0].highlights.title", containsString("<mark>"))
                .body("facets.entity.find { it.value == 'MESH:D008545' }.label", equalTo("Melanoma"));
        given().queryParam("q", "exosome AND").get("/internal/v1/search").then().statusCode(400);
    }
}
