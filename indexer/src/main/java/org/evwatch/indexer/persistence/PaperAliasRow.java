package org.evwatch.indexer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The id of a paper that was merged into another one, so that links to the old id keep working. */
@Entity
@Table(name = "paper_alias")
public class PaperAliasRow extends PanacheEntityBase {

    @Id
    public String alias;
    @Column(name = "paper_id")
    public String paperId;
}
