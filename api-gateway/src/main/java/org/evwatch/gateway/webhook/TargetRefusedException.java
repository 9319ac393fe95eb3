package org.evwatch.gateway.webhook;

/** A webhook target the gateway will not call. The message says why, and is safe to show to the caller. */
public final class TargetRefusedException extends RuntimeException {

    public TargetRefusedException(String message) {
        super(message);
    }
}
