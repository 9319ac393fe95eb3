package org.evwatch.events.serde;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON on the wire for every event. Unknown fields are ignored so that a newer writer can add fields; a missing
 * required field, a wrong type or a schema version from the future is rejected with a message naming the problem.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private EventJson() {
    }

    /** The mapper the events use; shared so services write events exactly as the serializers do. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String writeString(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(byte[] data, Class<T> type) {
        if (data == null || data.length == 0) {
            throw new MalformedEventException(type.getSimpleName() + " record is empty");
        }
        try {
            T value = MAPPER.readValue(data, type);
            if (value == null) {
                throw new MalformedEventException(type.getSimpleName() + " record is JSON null");
            }
            return value;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MalformedEventException(type.getSimpleName() + " record is invalid: " + cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw new MalformedEventException(type.getSimpleName() + " record has a bad value for field '"
                    + path(e) + "': " + e.getOriginalMessage(), e);
        } catch (MismatchedInputException e) {
            throw new MalformedEventException(type.getSimpleName() + " record has the wrong shape at '" + path(e)
                    + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(type.getSimpleName() + " record is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException(type.getSimpleName() + " record cannot be read: " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }
}
