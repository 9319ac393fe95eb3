package org.evwatch.events.serde;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    /**
     * The event of a record consumers read as raw bytes (so that a dead-letter topic keeps them as they came). A
     * missing value or a malformed one fails with a message that names the record, so the failure's log line and the
     * dead-letter reason both say which record it was.
     */
    public T decode(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + " record " + record.key() + " (partition " + record.partition() + ", offset "
                + record.offset() + ")";
        if (record.value() == null) {
            throw new MalformedEventException(where + ": " + type.getSimpleName() + " record has no value");
        }
        try {
            return EventJson.read(record.value(), type);
        } catch (MalformedEventException e) {
            throw new MalformedEventException(where + ": " + e.getMessage(), e);
        }
    }
}
