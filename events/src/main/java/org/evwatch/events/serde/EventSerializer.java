package org.evwatch.events.serde;

import org.apache.kafka.common.serialization.Serializer;

/** Writes an event as JSON. One subclass per event type, so config can name it. */
public abstract class EventSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : EventJson.write(data);
    }
}
