package org.evwatch.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentAnnouncementsTest {

    @Test
    void aVersionIsHandledOnceAndANewVersionIsNews() {
        RecentAnnouncements recent = new RecentAnnouncements(10);
        assertThat(recent.handled("p-1", 1)).isFalse();
        recent.markHandled("p-1", 1);
        assertThat(recent.handled("p-1", 1)).isTrue();
        assertThat(recent.handled("p-1", 2)).isFalse();
        assertThat(recent.handled("p-2", 1)).isFalse();
    }

    @Test
    void keepsOnlyTheMostRecentPairs() {
        RecentAnnouncements recent = new RecentAnnouncements(3);
        for (int i = 1; i <= 4; i++) {
            recent.markHandled("p-" + i, 1);
        }
        assertThat(recent.handled("p-1", 1)).as("the oldest is forgotten").isFalse();
        assertThat(recent.handled("p-4", 1)).isTrue();
        assertThat(recent.handled("p-2", 1)).isTrue();
    }
}
