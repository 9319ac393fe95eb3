package org.evwatch.gateway.matching;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.evwatch.gateway.indexer.IndexerClient;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.indexer.api.SearchResponse;
import org.evwatch.query.Expansion;
import org.evwatch.query.Vocabulary;
import org.jboss.logging.Logger;

/**
 * The entity names a saved query expands, as a search with it would: the indexer, which holds every name the
 * extractor linked to an entity, says which words of the query name which entities, and the query is compiled with
 * those. A saved query "exosome" then matches a new paper annotated with the exosome under any of its names.
 */
@ApplicationScoped
public class SavedQueryVocabulary {

    private static final Logger LOG = Logger.getLogger(SavedQueryVocabulary.class);

    private final IndexerClient indexer;

    public SavedQueryVocabulary(@RestClient IndexerClient indexer) {
        this.indexer = indexer;
    }

    /**
     * The names a query being saved expands. A query the indexer refuses (an {@code entity:} name it does not know)
     * is a 400 naming the position; with the indexer away, the query is saved unexpanded and expanded on a later
     * refresh.
     */
    public Vocabulary checked(String q) {
        try {
            return of(q);
        } catch (ProblemException e) {
            if (e.problem().status() == 400) {
                throw e;
            }
            return unexpanded(q, e);
        } catch (RuntimeException e) {
            return unexpanded(q, e);
        }
    }

    /** The names a stored query expands; none when the indexer cannot say, so the query still matches as written. */
    public Vocabulary lenient(String q) {
        try {
            return of(q);
        } catch (RuntimeException e) {
            return unexpanded(q, e);
        }
    }

    private Vocabulary of(String q) {
        if (q == null || q.isBlank()) {
            return Vocabulary.NONE;
        }
        List<Expansion> expansions = askIndexer(q).stream()
                .map(e -> new Expansion(e.term(), e.entityId(), e.type(), e.name())).toList();
        return expansions.isEmpty() ? Vocabulary.NONE : Vocabulary.of(expansions);
    }

    /**
     * The indexer is asked outside any transaction of the caller: the client's threads would otherwise join it, and
     * its commit would then fail with its connection marked in use by another thread.
     */
    private List<SearchResponse.Expansion> askIndexer(String q) {
        try {
            return QuarkusTransaction.suspendingExisting().call(() -> indexer.expansions(q));
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Vocabulary unexpanded(String q, RuntimeException e) {
        LOG.debugf("query '%s' kept without entity names: %s", q, e.toString());
        return Vocabulary.NONE;
    }
}
