package org.evwatch.indexer.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A normalised entity (disease, gene, EV subtype, …) as the extractor names it. */
@Entity
@Table(name = "entity")
public class EntityRow extends PanacheEntityBase {

    @Id
    public String id;
    public String type;
    public String namespace;
    public String name;
    /** Other ids of the same thing, space-separated. */
    public String xrefs;
}
