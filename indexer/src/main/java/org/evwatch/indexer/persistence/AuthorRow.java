package org.evwatch.indexer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An author of a merged paper, in byline order. */
@Entity
@Table(name = "author")
public class AuthorRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "paper_id")
    public String paperId;
    public int position;
    public String given;
    public String family;
    @Column(name = "collective_name")
    public String collectiveName;
    public String orcid;
    /** Affiliations, one per line. */
    public String affiliations;
}
