package org.evwatch.extractor.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evwatch.events.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading annotated corpora into our types and id namespaces. */
class AnnotatedCorpusTest {

    static final Path TRAINING = Path.of("src/test/resources/ner/training");
    static final Path LINNAEUS = Path.of("src/test/resources/eval/linnaeus");

    @Test
    void pubtatorMentionsGetTypesAndNamespacedIds() throws Exception {
        AnnotatedCorpus c = AnnotatedCorpus.read(TRAINING.resolve("train.pubtator"));
        assertThat(c.documents()).extracting(AnnotatedDocument::id).containsExactly("101", "102", "103");
        AnnotatedDocument d = c.documents().get(0);
        assertThat(d.title()).startsWith("Depression");
        assertThat(d.abstractText()).startsWith("Toxicity");
        assertThat(d.annotations().get(0)).isEqualTo(new Annotation(0, 10, "Depression", EntityType.DISEASE,
                List.of("MESH:D003866")));
        // A composite id is split; "-1" (not normalised) leaves no id; relation lines are not mentions.
        assertThat(c.documents().get(1).annotations()).extracting(Annotation::text, Annotation::ids)
                .contains(tuple("colon and breast cancers", List.of("MESH:D003110", "MESH:D001943")));
        assertThat(c.documents().get(2).annotations()).extracting(Annotation::text, Annotation::ids)
                .contains(tuple("marker", List.of()));
        assertThat(c.types()).containsExactlyInAnyOrder(EntityType.DISEASE, EntityType.CHEMICAL);
        assertThat(c.only(List.of("102")).documents()).extracting(AnnotatedDocument::id).containsExactly("102");
    }

    @Test
    void linnaeusFolderIsReadWithItsTagsAsTaxaAndTaxonZeroAsNoId() throws Exception {
        AnnotatedCorpus c = AnnotatedCorpus.read(LINNAEUS);
        assertThat(c.documents()).extracting(AnnotatedDocument::id).containsExactly("doc1", "doc2");
        assertThat(c.documents().get(0).body()).isNotBlank();
        assertThat(c.documents().get(0).annotations()).extracting(Annotation::text, Annotation::type,
                Annotation::ids).containsExactly(tuple("Mice", EntityType.SPECIES, List.of("NCBITaxon:10090")),
                        tuple("humans", EntityType.SPECIES, List.of("NCBITaxon:9606")),
                        tuple("E. coli", EntityType.SPECIES, List.of("NCBITaxon:562")),
                        tuple("Mules", EntityType.SPECIES, List.of()));
        assertThat(c.documents().get(1).annotations()).isEmpty();
    }

    @Test
    void brokenFilesNameTheLineAtFault(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> AnnotatedCorpus.read(TRAINING.resolve("broken.pubtator")))
                .isInstanceOf(VocabularyFormatException.class).hasMessageContaining("broken.pubtator:3");
        Path tags = Files.writeString(tmp.resolve("tags.tsv"), "#header\nhuman\tdoc1\t0\t5\thuman\n");
        Files.createDirectories(tmp.resolve("txt"));
        assertThatThrownBy(() -> AnnotatedCorpus.linnaeus(tmp, tags)).isInstanceOf(VocabularyFormatException.class)
                .hasMessageContaining("tags.tsv:2");
        Path empty = Files.createDirectories(tmp.resolve("nothing"));
        assertThatThrownBy(() -> AnnotatedCorpus.read(empty)).isInstanceOf(VocabularyFormatException.class)
                .hasMessageContaining("txt/");
    }
}
