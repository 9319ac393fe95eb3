package org.evwatch.events.serde;

import org.apache.kafka.common.serialization.Deserializer;

/** Reads an event from JSON, or throws {@link MalformedEventException} saying what is wrong. */
public abstract class EventDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return EventJson.read(data, type);
    }
}
