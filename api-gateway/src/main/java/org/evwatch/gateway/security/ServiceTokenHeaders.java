package org.evwatch.gateway.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.evwatch.common.access.InternalApiGuard;

/**
 * Sends the service token of the internal APIs ({@value InternalApiGuard#TOKEN_SETTING}) with every call to them,
 * when one is set. The gateway's own callers' headers are never passed on: their API keys are not the indexer's
 * business.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    private final Optional<String> token;

    public ServiceTokenHeaders(@ConfigProperty(name = InternalApiGuard.TOKEN_SETTING) Optional<String> token) {
        this.token = token.map(String::trim).filter(t -> !t.isEmpty());
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        token.ifPresent(t -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + t));
        return headers;
    }
}
