package org.evwatch.indexer.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ChangesSeenTest {

    @Test
    void eachChangeIsTakenOnceEvenWhenALowerNumberCommitsLater() {
        ChangesSeen seen = new ChangesSeen(100);
        seen.startAfter(1_000);
        assertThat(seen.lookFrom()).isEqualTo(900);
        // 1,002 committed, 1,001 not yet.
        assertThat(seen.unseen(Map.of(1_002L, "b"))).containsExactly("b");
        assertThat(seen.unseen(Map.of(1_001L, "a", 1_002L, "b"))).containsExactly("a");
        assertThat(seen.unseen(Map.of(1_001L, "a", 1_002L, "b"))).isEmpty();
        assertThat(seen.lookFrom()).isEqualTo(902);
    }

    @Test
    void changesBelowTheLookBackAreForgottenAndNotTakenAgain() {
        ChangesSeen seen = new ChangesSeen(10);
        assertThat(seen.unseen(Map.of(5L, "a"))).containsExactly("a");
        assertThat(seen.unseen(Map.of(50L, "b"))).containsExactly("b");
        assertThat(seen.lookFrom()).isEqualTo(40);
        assertThat(seen.unseen(Map.of(5L, "a", 45L, "c"))).containsExactly("c");
    }

    @Test
    void changesThisIndexerReadAfterItsBatchAreNotTakenAgain() {
        ChangesSeen seen = new ChangesSeen(100);
        seen.startAfter(1_000);
        seen.seen(java.util.List.of(1_001L, 1_003L));
        // Another indexer's 1,002 is still taken; this one's 1,001 and 1,003 are not.
        assertThat(seen.unseen(Map.of(1_001L, "a", 1_002L, "b", 1_003L, "c"))).containsExactly("b");
        assertThat(seen.lookFrom()).isEqualTo(903);
    }
}
