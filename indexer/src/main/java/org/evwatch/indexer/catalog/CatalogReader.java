package org.evwatch.indexer.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.search.PaperIndex;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads merged papers out of the catalog in change order, a page per short transaction. */
@ApplicationScoped
public class CatalogReader {

    private final EntityManager em;

    public CatalogReader(EntityManager em) {
        this.em = em;
    }

    /** The highest change number in the catalog, 0 when empty. */
    public long maxSeq() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select coalesce(max(change_seq), 0) from paper where merged is not null")
                .getSingleResult()).longValue());
    }

    /** Feeds every paper changed after {@code seq}, oldest change first. */
    public long changedSince(long seq, int pageSize, Consumer<PaperIndex.Catalogued> sink) {
        long after = seq;
        long count = 0;
        while (true) {
            long from = after;
            List<Object[]> page = QuarkusTransaction.requiringNew().call(() -> page(from, pageSize));
            if (page.isEmpty()) {
                return count;
            }
            for (Object[] row : page) {
                long s = ((Number) row[0]).longValue();
                PaperIndexed paper = EventJson.read(((String) row[1]).getBytes(StandardCharsets.UTF_8),
                        PaperIndexed.class);
                sink.accept(new PaperIndex.Catalogued(paper, s));
                after = Math.max(after, s);
                count++;
            }
        }
    }

    /** Ids of papers merged into others: they must not linger in the index. */
    @SuppressWarnings("unchecked")
    public List<String> aliases() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select alias from paper_alias").getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> page(long after, int size) {
        return em.createNativeQuery("select change_seq, merged from paper where merged is not null and "
                + "change_seq > :after order by change_seq limit :n")
                .setParameter("after", after).setParameter("n", size).getResultList();
    }
}
