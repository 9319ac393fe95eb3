package org.evwatch.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What came back: the status, the headers by lower-case name, and the body of an error answer. */
public record FuzzResponse(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
