package org.evwatch.fetcher.access;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.evwatch.common.access.InternalApiGuard;

import io.quarkus.vertx.http.runtime.filters.Filters;

/** Closes this service's internal API to callers without the service token; see {@link InternalApiGuard}. */
@Singleton
class InternalApiAccess {

    void guard(@Observes Filters filters) {
        InternalApiGuard.install(filters, ConfigProvider.getConfig());
    }
}
