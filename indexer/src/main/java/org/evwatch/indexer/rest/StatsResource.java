package org.evwatch.indexer.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.indexer.rest.model.StatsView;

/** Catalog totals: papers, papers per year, top entities. */
@Path("/internal/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class StatsResource {

    private final EntityManager em;
    private final EntitiesResource entities;

    public StatsResource(EntityManager em, EntitiesResource entities) {
        this.em = em;
        this.entities = entities;
    }

    @GET
    @Operation(summary = "Number of papers, papers per year and the 20 entities in most papers")
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
