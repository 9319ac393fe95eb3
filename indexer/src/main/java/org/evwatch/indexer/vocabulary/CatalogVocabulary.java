package org.evwatch.indexer.vocabulary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.query.EntityNames;
import org.evwatch.query.Vocabulary;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The names the extractor linked to entities, in memory: every mention text of the catalog and each entity's
 * preferred name, read from the catalog at start, added to after each batch of papers, and every few seconds from
 * the papers other indexers of the catalog wrote (followed by the catalog's change numbers). Searches expand the
 * words that name an entity through it, and suggestions while typing come from it.
 */
@ApplicationScoped
public class CatalogVocabulary {

    private static final Logger LOG = Logger.getLogger(CatalogVocabulary.class);

    /**
     * Each distinct (name, entity) of the papers asked for, with the entity's type and preferred name. The papers'
     * entities are found from the papers (by the key of paper_entity), never by reading every paper of each entity.
     */
    private static final String NAMES = "select n.text, e.id, e.type, e.name from (select distinct entity_id, text "
            + "from mention where text is not null %1$s union select e.id, e.name from entity e where e.id in (select "
            + "pe.entity_id from paper_entity pe where true %2$s)) n join entity e on e.id = n.entity_id";

    /** How often the papers other indexers wrote are looked for. */
    private static final long FOLLOW_MILLIS = 5_000;
    /**
     * How many change numbers below the newest seen are looked at again: a change numbered before another can commit
     * after it, and is then found on a later look.
     */
    private static final long LOOK_BACK = 5_000;

    private final EntityManager em;
    private final EntityNames names = new EntityNames();
    private final ChangesSeen seen = new ChangesSeen(LOOK_BACK);
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vocabulary-follow");
        t.setDaemon(true);
        return t;
    });

    public CatalogVocabulary(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> seen.startAfter(((Number) em.createNativeQuery(
                "select coalesce(max(change_seq), 0) from paper").getSingleResult()).longValue()));
        QuarkusTransaction.requiringNew().call(() -> read(NAMES.formatted("", ""), null));
        LOG.infof("entity vocabulary loaded: %d names", names.size());
        follower.scheduleWithFixedDelay(this::follow, FOLLOW_MILLIS, FOLLOW_MILLIS, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        follower.shutdownNow();
    }

    /** Adds the names of the papers written since the last look, by this indexer or another. Never throws. */
    void follow() {
        try {
            List<String> changed = QuarkusTransaction.requiringNew().call(this::changedSinceLastLook);
            if (!changed.isEmpty()) {
                String[] ids = changed.toArray(String[]::new);
                QuarkusTransaction.requiringNew().call(() -> read(NAMES.formatted("and paper_id = any(?)",
                        "and pe.paper_id = any(?)"), ids));
            }
        } catch (RuntimeException e) {
            LOG.warnf("the vocabulary could not follow the catalog's changes; it tries again: %s", e.toString());
        }
    }

    /** The papers of the changes not seen before, among the newest since the last look and a little before. */
    private List<String> changedSinceLastLook() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "select change_seq, id from paper where change_seq > ?")) {
                s.setLong(1, seen.lookFrom());
                Map<Long, String> changes = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        changes.put(rs.getLong(1), rs.getString(2));
                    }
                }
                return seen.unseen(changes);
            }
        });
    }

    /** Adds the names of the papers a batch changed, once the batch has committed. Never fails the batch. */
    public void learn(Collection<CatalogService.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        String[] ids = outcomes.stream().map(o -> o.indexed().paperId()).distinct().toArray(String[]::new);
        try {
            QuarkusTransaction.requiringNew().call(() -> read(NAMES.formatted("and paper_id = any(?)",
                    "and pe.paper_id = any(?)"), ids));
            // Read now: the next look at the catalog's changes need not read them again.
            seen.seen(outcomes.stream().map(CatalogService.Outcome::changeSeq).toList());
        } catch (RuntimeException e) {
            LOG.warnf("the names of %d papers were not added to the vocabulary: %s", ids.length, e.toString());
        }
    }

    /** Reads the names (of the given papers only, unless null) straight into the vocabulary. */
    private int read(String sql, String[] paperIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                if (paperIds != null) {
                    s.setArray(1, connection.createArrayOf("text", paperIds));
                    s.setArray(2, connection.createArrayOf("text", paperIds));
                }
                int n = 0;
                try (ResultSet rs = s.executeQuery()) {
                    for (; rs.next(); n++) {
                        names.add(rs.getString(1), new Vocabulary.Entity(rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
                return n;
            }
        });
    }

    /** The vocabulary as it is now: complete, so an unknown {@code entity:} name is an error. */
    public EntityNames names() {
        return names;
    }
}
