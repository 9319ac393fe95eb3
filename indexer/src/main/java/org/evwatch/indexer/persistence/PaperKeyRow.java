package org.evwatch.indexer.persistence;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One key a paper is found by: an id key (unique) or a title key (may be shared by look-alike papers). */
@Entity
@Table(name = "paper_key")
@IdClass(PaperKeyRow.Pk.class)
public class PaperKeyRow extends PanacheEntityBase {

    @Id
    public String key;
    @Id
    @Column(name = "paper_id")
    public String paperId;
    @Column(name = "id_key")
    public boolean idKey;

    public static final class Pk implements Serializable {
        private static final long serialVersionUID = 1L;
        public String key;
        public String paperId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Pk p && Objects.equals(key, p.key) && Objects.equals(paperId, p.paperId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, paperId);
        }
    }
}
