package org.evwatch.events.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record on a topic that is not a valid event; the message says what is wrong with it. */
public class MalformedEventException extends SerializationException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
