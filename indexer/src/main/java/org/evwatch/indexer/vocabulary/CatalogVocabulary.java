package org.evwatch.indexer.vocabulary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.query.EntityNames;
import org.evwatch.query.Vocabulary;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The names the extractor linked to entities, in memory: every mention text of the catalog and each entity's
 * preferred name, read from the catalog at start and added to after each batch of papers. Searches expand the words
 * that name an entity through it, and suggestions while typing come from it.
 */
@ApplicationScoped
public class CatalogVocabulary {

    private static final Logger LOG = Logger.getLogger(CatalogVocabulary.class);

    /** Each distinct (name, entity) of the papers asked for, with the entity's type and preferred name. */
    private static final String NAMES = "select n.text, e.id, e.type, e.name from (select distinct entity_id, text "
            + "from mention where text is not null %1$s union select e.id, e.name from entity e where exists (select 1 "
            + "from paper_entity pe where pe.entity_id = e.id %2$s)) n join entity e on e.id = n.entity_id";

    private final EntityManager em;
    private final EntityNames names = new EntityNames();

    public CatalogVocabulary(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().call(() -> read(NAMES.formatted("", ""), null));
        LOG.infof("entity vocabulary loaded: %d names", names.size());
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
