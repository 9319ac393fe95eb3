package org.evwatch.fetcher.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.evwatch.fetcher.http.Validators;
import org.evwatch.fetcher.source.ValidatorStore;

/** Feed validators in PostgreSQL, so that a restart does not refetch every feed in full. */
@ApplicationScoped
public class StoredValidators implements ValidatorStore {

    @Override
    @Transactional
    public Validators get(String url) {
        FeedValidator v = FeedValidator.findById(url);
        return v == null ? Validators.NONE : new Validators(v.etag, v.lastModified);
    }

    @Override
    @Transactional
    public void put(String url, Validators validators) {
        FeedValidator v = FeedValidator.findById(url);
        if (v == null) {
            v = new FeedValidator();
            v.url = url;
        }
        v.etag = validators.etag();
        v.lastModified = validators.lastModified();
        v.updatedAt = Instant.now();
        v.persist();
    }
}
