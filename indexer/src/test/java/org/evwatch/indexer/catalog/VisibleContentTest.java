package org.evwatch.indexer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.merge.Fixtures;
import org.evwatch.indexer.merge.MergedPaper;
import org.evwatch.indexer.merge.PaperMerger;
import org.junit.jupiter.api.Test;

class VisibleContentTest {

    /** The digest the catalog keeps (merged_hash) is the one of the two JSON texts joined, as stored ones are. */
    @Test
    void digestIsTheHashOfTheVisibleContentAndTheEntitiesJoined() {
        MergedPaper merged = PaperMerger.merge(List.of(Fixtures.record("pubmed"), Fixtures.record("crossref")));
        List<PaperIndexed.EntityCount> counts = merged.entities().stream()
                .map(e -> new PaperIndexed.EntityCount(e.type(), e.id(), e.name(), e.mentions().size())).toList();
        assertThat(merged.entities()).isNotEmpty();

        String digest = VisibleContent.digest("doi:10.1000/x", merged, counts);

        assertThat(digest).hasSize(16).isEqualTo(VisibleContent.hash((VisibleContent.json("doi:10.1000/x", merged,
                counts) + EventJson.writeString(merged.entities())).getBytes(StandardCharsets.UTF_8)));
        assertThat(VisibleContent.digest("doi:10.1000/y", merged, counts)).isNotEqualTo(digest);
        // xxHash64 with seed 0 of no bytes, from the algorithm's reference implementation
        assertThat(VisibleContent.hash(new byte[0])).isEqualTo("ef46db3751d8e999");
    }
}
