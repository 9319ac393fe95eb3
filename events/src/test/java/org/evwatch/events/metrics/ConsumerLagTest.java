package org.evwatch.events.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    @Test
    void theGroupsAreTheIncomingChannelsWithAGroupIdEachWithItsTopic() {
        Map<String, String> config = Map.of(
                "mp.messaging.incoming.papers-extracted.group.id", "evwatch-indexer",
                "mp.messaging.incoming.papers-extracted.topic", "papers.extracted",
                "mp.messaging.incoming.papers-indexed.group.id", "evwatch-other",
                "mp.messaging.outgoing.papers-indexed.topic", "papers.indexed",
                "kafka.group.id", "not-a-channel");
        List<ConsumerLag.Group> groups = ConsumerLag.groups(config.keySet(),
                name -> Optional.ofNullable(config.get(name)));
        assertThat(groups).containsExactlyInAnyOrder(new ConsumerLag.Group("evwatch-indexer", "papers.extracted"),
                new ConsumerLag.Group("evwatch-other", "papers-indexed"));
    }

    @Test
    void lagIsWhatTheGroupHasNotCommittedOrEverythingRetainedWhenItCommittedNothing() {
        assertThat(ConsumerLag.lag(120, new OffsetAndMetadata(100), 0)).isEqualTo(20);
        assertThat(ConsumerLag.lag(120, new OffsetAndMetadata(120), 0)).isZero();
        assertThat(ConsumerLag.lag(120, null, 30)).isEqualTo(90);
        // a committed offset past a truncated end never shows as negative lag
        assertThat(ConsumerLag.lag(5, new OffsetAndMetadata(9), 0)).isZero();
    }
}
