package org.evwatch.indexer.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.evwatch.indexer.api.StatsApi;
import org.evwatch.indexer.api.StatsView;

/** Catalog totals: papers, papers per year, top entities. */
public class StatsResource implements StatsApi {

    private final EntityManager em;
    private final EntitiesResource entities;

    public StatsResource(EntityManager em, EntitiesResource entities) {
        this.em = em;
        this.entities = entities;
    }

    @Override
    @SuppressWarnings("unchecked")
    public StatsView stats() {
        long papers = ((Number) em.createNativeQuery("select count(*) from paper where merged is not null")
                .getSingleResult()).longValue();
        Map<String, Long> perYear = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select year, count(*) from paper where merged is "
                + "not null and year is not null group by year order by year").getResultList()) {
            perYear.put(String.valueOf(r[0]), ((Number) r[1]).longValue());
        }
        return new StatsView(papers, perYear, entities.top(20));
    }
}
