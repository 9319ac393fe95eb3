package org.evwatch.fetcher.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.evwatch.fetcher.http.Validators;

/** Remembers each feed's ETag and Last-Modified between polls, for conditional GETs. */
public interface ValidatorStore {

    Validators get(String url);

    void put(String url, Validators validators);

    /** A store that lives as long as the process. */
    static ValidatorStore inMemory() {
        Map<String, Validators> map = new ConcurrentHashMap<>();
        return new ValidatorStore() {
            @Override
            public Validators get(String url) {
                return map.getOrDefault(url, Validators.NONE);
            }

            @Override
            public void put(String url, Validators validators) {
                map.put(url, validators);
            }
        };
    }
}
