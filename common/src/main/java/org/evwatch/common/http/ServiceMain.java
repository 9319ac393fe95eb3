package org.evwatch.common.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every service. Quarkus refuses a request target that {@code java.net.URI} cannot parse with a
 * bare 400 before any route runs; with that check switched off here, {@link RequestChecks} makes the same one (and
 * more) and answers with a problem. The switch is a JVM system property read once, so it is set before Quarkus starts.
 */
@QuarkusMain
public final class ServiceMain {

    /** Quarkus's own name for the switch. */
    public static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private ServiceMain() {
    }

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION_OFF, "true");
        Quarkus.run(args);
    }
}
