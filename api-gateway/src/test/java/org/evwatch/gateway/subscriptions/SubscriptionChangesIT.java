package org.evwatch.gateway.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.evwatch.gateway.matching.SavedQueryVocabulary;
import org.evwatch.gateway.security.Caller;
import org.evwatch.gateway.security.Role;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The compiled set new papers are matched against follows every committed change, even when a paper arrives while
 * the change is still being written: the set it compiles then, from what was committed before, is not kept.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class SubscriptionChangesIT {

    private static final Caller OWNER = new Caller("changes-test", "Changes test", Role.USER);

    @Inject
    Subscriptions subscriptions;

    @Inject
    SavedQueryVocabulary vocabulary;

    @Test
    void aResumeCommittedWhileAPaperWasBeingMatchedIsSeenByTheNextPaper() throws Exception {
        UUID id = subscriptions.create(OWNER,
                new SubscriptionRequest("Resumed mid-match", "title:midmatch", null, null, null, true)).id();
        assertThat(matched(id)).as("paused: not matched").isFalse();

        QuarkusTransaction.requiringNew().run(() -> {
            Subscription s = Subscription.findById(id);
            s.pausedAt = null;
            subscriptions.invalidate();
            // A paper matched on another thread now sees the committed state: still paused.
            assertThat(elsewhere(id)).isFalse();
        });

        assertThat(matched(id)).as("resumed and committed: matched").isTrue();
    }

    @Test
    void aPauseCommittedWhileAPaperWasBeingMatchedIsSeenByTheNextPaper() throws Exception {
        UUID id = subscriptions.create(OWNER,
                new SubscriptionRequest("Paused mid-match", "title:midpause", null, null, null, null)).id();
        assertThat(matched(id)).isTrue();

        QuarkusTransaction.requiringNew().run(() -> {
            Subscription s = Subscription.findById(id);
            s.pausedAt = Instant.now();
            subscriptions.invalidate();
            assertThat(elsewhere(id)).isTrue();
        });

        assertThat(matched(id)).as("paused and committed: not matched").isFalse();
    }

    /**
     * A saved query is compiled inside the transaction that takes a batch of papers in. The indexer is asked for the
     * query's entity names (here it is away: no indexer runs beside this test), and the transaction still commits.
     */
    @Test
    void askingTheIndexerForEntityNamesLeavesTheCallersTransactionCommittable() {
        for (int i = 0; i < 5; i++) {
            String q = "exosome" + i;
            assertThat(QuarkusTransaction.requiringNew().call(() -> vocabulary.lenient(q))).isNotNull();
        }
    }

    /** Whether a paper matched now on a thread of its own would be matched against the subscription. */
    private boolean elsewhere(UUID id) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(() -> matched(id)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            thread.shutdown();
        }
    }

    private boolean matched(UUID id) {
        return subscriptions.active().stream().anyMatch(a -> a.id().equals(id));
    }
}
