package org.evwatch.fetcher.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A feed's ETag and Last-Modified from its last fully stored fetch. */
@Entity
@Table(name = "feed_validator")
public class FeedValidator extends PanacheEntityBase {

    @Id
    public String url;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
