package org.evwatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.evwatch.events.serde.MalformedEventException;
import org.evwatch.events.serde.PaperExtractedDeserializer;
import org.evwatch.events.serde.PaperExtractedSerializer;
import org.evwatch.events.serde.PaperFetchedDeserializer;
import org.evwatch.events.serde.PaperFetchedSerializer;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.events.serde.PaperIndexedSerializer;
import org.junit.jupiter.api.Test;

class EventRoundTripTest {

    static final Instant AT = Instant.parse("2025-11-08T10:15:30Z");

    static PaperFetched fetched() {
        return new PaperFetched(1, "inbox", "99000001", "application/vnd.pubmed+xml", "<PubmedArticle/>",
                PaperKeys.sha256("<PubmedArticle/>"), false, AT, "file:///inbox/a.xml", "ev-cancer");
    }

    static Paper paper() {
        return new Paper(new Paper.Identifiers("10.3390/cells14221750", "99000001", "PMC12897074", null, null),
                "Exosome-Mediated Crosstalk Between Cancer Cells and Tumor Microenvironment",
                List.of(new Paper.AbstractSection("BACKGROUND", "Exosomes are extracellular vesicles."),
                        new Paper.AbstractSection("CONCLUSIONS", "Exosomes drive tumour progression.")),
                List.of(new Paper.Author("Ana", "Silva", null, "0000-0002-1825-0097",
                        List.of("George Mason University"))),
                new Paper.Journal("Cells", "Cells", null, "2073-4409", "14", "22", null, "1750", "MDPI"),
                new Paper.PaperDates("2025-09-30", "2025-11-06", "2025-11-08", null),
                List.of("Review"), List.of("exosomes", "tumor microenvironment"),
                List.of(new Paper.MeshHeading("D055354", "Exosomes", true)), "CC BY 4.0", "eng",
                "https://doi.org/10.3390/cells14221750", List.of(new Paper.BodySection("Introduction", "Text.")));
    }

    static List<Entity> entities() {
        return List.of(new Entity(EntityType.DISEASE, "MESH:D009369", "MESH", "Neoplasms", List.of("DOID:162"),
                List.of(new Entity.Mention(47, 53, "Cancer", "title"))));
    }

    @Test
    void paperFetchedRoundTrips() {
        PaperFetched in = fetched();
        byte[] bytes = new PaperFetchedSerializer().serialize("t", in);
        assertThat(new PaperFetchedDeserializer().deserialize("t", bytes)).isEqualTo(in);
    }

    @Test
    void paperExtractedRoundTrips() {
        PaperExtracted in = new PaperExtracted(1, PaperKeys.bestKey(paper()), "1.0.0", SourceRecord.of(fetched()),
                paper(), entities(),
                new Summary("Exosomes drive tumour progression.", List.of("A", "B", "C"),
                        new Summary.Relevance(Summary.Relevance.Label.RELEVANT, 0.93),
                        new Summary.FromSource("EVs shape the tumour niche.", "A review.", List.of("EVs travel."))),
                AT);
        byte[] bytes = new PaperExtractedSerializer().serialize("t", in);
        PaperExtracted out = new PaperExtractedDeserializer().deserialize("t", bytes);
        assertThat(out).isEqualTo(in);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"fromSource\":{\"tldr\":")
                .doesNotContain("\"empty\"");
        assertThat(out.paperKey()).isEqualTo("doi:10.3390/cells14221750");
        assertThat(out.paper().abstractText())
                .isEqualTo("Exosomes are extracellular vesicles.\nExosomes drive tumour progression.");
    }

    @Test
    void aSummaryWrittenBeforeSourceSummariesReadsWithoutOne() {
        PaperExtracted in = new PaperExtracted(1, PaperKeys.bestKey(paper()), "1.0.0", SourceRecord.of(fetched()),
                paper(), entities(), new Summary("Exosomes drive tumour progression.", List.of("A"), null), AT);
        String json = new String(new PaperExtractedSerializer().serialize("t", in), StandardCharsets.UTF_8)
                .replace(",\"fromSource\":null", "");
        assertThat(json).doesNotContain("fromSource");
        PaperExtracted out = new PaperExtractedDeserializer().deserialize("t", bytes(json));
        assertThat(out.summary().fromSource()).isNull();
        assertThat(out.summary().tldr()).isEqualTo("Exosomes drive tumour progression.");
    }

    @Test
    void theTaggerModelVersionRoundTripsAndARecordWithoutOneReadsAsNoModel() {
        PaperExtracted in = new PaperExtracted(1, PaperKeys.bestKey(paper()), "1.0.0", SourceRecord.of(fetched()),
                paper(), entities(), Summary.NONE, AT, "tagger-0badcafe");
        byte[] bytes = new PaperExtractedSerializer().serialize("t", in);
        assertThat(new PaperExtractedDeserializer().deserialize("t", bytes).modelVersion())
                .isEqualTo("tagger-0badcafe");
        String older = new String(bytes, StandardCharsets.UTF_8).replace(",\"modelVersion\":\"tagger-0badcafe\"", "");
        assertThat(older).doesNotContain("modelVersion");
        assertThat(new PaperExtractedDeserializer().deserialize("t", bytes(older)).modelVersion())
                .isEqualTo(PaperExtracted.NO_MODEL);
        assertThat(new PaperExtracted(1, "p-1", "1.0.0", SourceRecord.of(fetched()), paper(), entities(),
                Summary.NONE, AT).modelVersion()).isEqualTo(PaperExtracted.NO_MODEL);
        String huge = new String(bytes, StandardCharsets.UTF_8).replace("tagger-0badcafe", "t".repeat(1_001));
        assertThatThrownBy(() -> new PaperExtractedDeserializer().deserialize("t", bytes(huge)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("modelVersion");
    }

    @Test
    void paperIndexedRoundTrips() {
        PaperIndexed in = new PaperIndexed(1, "p-1", PaperIndexed.Change.UPDATED, 3, AT, paper(),
                List.of(new PaperIndexed.EntityCount(EntityType.EV_SUBTYPE, "EV:subtype/exosome", "exosome", 4)),
                Summary.NONE, List.of("pubmed", "crossref"));
        byte[] bytes = new PaperIndexedSerializer().serialize("t", in);
        assertThat(new PaperIndexedDeserializer().deserialize("t", bytes)).isEqualTo(in);
    }

    @Test
    void notJsonIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> new PaperFetchedDeserializer().deserialize("t", bytes("{\"source\": inbox}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not valid JSON at line 1, column");
    }

    @Test
    void missingFieldIsNamed() {
        String json = new String(new PaperFetchedSerializer().serialize("t", fetched()), StandardCharsets.UTF_8)
                .replace("\"sourceRecordId\":\"99000001\",", "");
        assertThatThrownBy(() -> new PaperFetchedDeserializer().deserialize("t", bytes(json)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("missing required field 'sourceRecordId'");
    }

    @Test
    void wrongTypeNamesTheField() {
        String json = new String(new PaperFetchedSerializer().serialize("t", fetched()), StandardCharsets.UTF_8)
                .replace("\"fetchedAt\":\"2025-11-08T10:15:30Z\"", "\"fetchedAt\":\"yesterday\"");
        assertThatThrownBy(() -> new PaperFetchedDeserializer().deserialize("t", bytes(json)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'fetchedAt'");
    }

    @Test
    void futureSchemaVersionIsRejected() {
        String json = new String(new PaperFetchedSerializer().serialize("t", fetched()), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":7");
        assertThatThrownBy(() -> new PaperFetchedDeserializer().deserialize("t", bytes(json)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unsupported schemaVersion 7");
    }

    @Test
    void emptyAndNullPayloadsAreRejected() {
        assertThatThrownBy(() -> new PaperIndexedDeserializer().deserialize("t", new byte[0]))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new PaperIndexedDeserializer().deserialize("t", bytes("null")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("JSON null");
    }

    @Test
    void unknownFieldsFromANewerWriterAreIgnored() {
        String json = new String(new PaperFetchedSerializer().serialize("t", fetched()), StandardCharsets.UTF_8)
                .replace("{", "{\"addedLater\":42,");
        assertThat(new PaperFetchedDeserializer().deserialize("t", bytes(json))).isEqualTo(fetched());
    }

    @Test
    void decodingAConsumedRecordNamesTheRecordInTheFailure() {
        var record = new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>("papers.fetched", 4, 17L,
                "99000001", bytes("{oops"));
        assertThatThrownBy(() -> new PaperFetchedDeserializer().decode(record))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("papers.fetched record 99000001 (partition 4, offset 17): ")
                .hasMessageContaining("not valid JSON");
        var tombstone = new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>("papers.fetched", 0, 1L,
                "99000002", null);
        assertThatThrownBy(() -> new PaperFetchedDeserializer().decode(tombstone))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("has no value");
        var good = new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>("papers.fetched", 0, 2L,
                "99000001", new PaperFetchedSerializer().serialize("t", fetched()));
        assertThat(new PaperFetchedDeserializer().decode(good)).isEqualTo(fetched());
    }

    @Test
    void keysAreNormalised() {
        assertThat(PaperKeys.normaliseDoi("https://doi.org/10.1158/1078-0432.CCR-12-1234"))
                .isEqualTo("10.1158/1078-0432.ccr-12-1234");
        assertThat(PaperKeys.normaliseDoi("not a doi")).isNull();
        assertThat(PaperKeys.normalisePmcid("12897074")).isEqualTo("PMC12897074");
        Paper noIds = new Paper(null, "Tumor-derived  Microvesicles!", null,
                List.of(new Paper.Author("F", "Pucci", null, null, null)), null, null, null, null, null, null, null,
                null, null);
        Paper sameTitleOtherCase = new Paper(null, "tumor derived microvesicles", null,
                List.of(new Paper.Author("Ferdinando", "Pucci", null, null, null)), null, null, null, null, null, null,
                null, null, null);
        assertThat(PaperKeys.bestKey(noIds)).startsWith("title:").isEqualTo(PaperKeys.bestKey(sameTitleOtherCase));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
