package org.evwatch.gateway.mail;

import java.util.Map;

/**
 * One mail as the gateway composes it: a plain-text body and its HTML alternative, and extra headers
 * ({@code List-Unsubscribe} and the like).
 */
public record Letter(String to, String subject, String text, String html, Map<String, String> headers) {

    public Letter {
        headers = Map.copyOf(headers);
    }
}
