package org.evwatch.events.serde;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON on the wire for every event. Unknown fields are ignored so that a newer writer can add fields; a missing
 * required field, a wrong type, an unknown enum value, an identifier too long to be one, text after the event or a
 * schema version from the future is rejected with a message naming the problem. Reading fails with
 * {@link MalformedEventException} and nothing else, so a consumer dead-letters every such record.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Strict where leniency would let a broken writer's record pass as another one: text after the event,
            // a field given twice, a number or a boolean sent as text, a fraction where a count belongs.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

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
        T value = parse(data, type);
        if (value == null) {
            throw new MalformedEventException(type.getSimpleName() + " record is JSON null");
        }
        try {
            EventLimits.check(value);
        } catch (MalformedEventException e) {
            throw new MalformedEventException(type.getSimpleName() + " record is invalid: " + e.getMessage(), e);
        }
        return value;
    }

    private static <T> T parse(byte[] data, Class<T> type) {
        try {
            return MAPPER.readValue(data, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause.getMessage() != null ? cause.getMessage() : "a null element or value (" + cause + ")";
            throw new MalformedEventException(type.getSimpleName() + " record is invalid at '" + path(e) + "': " + why,
                    e);
        } catch (InvalidFormatException e) {
            throw new MalformedEventException(type.getSimpleName() + " record has a bad value for field '"
                    + path(e) + "': " + e.getOriginalMessage(), e);
        } catch (MismatchedInputException e) {
            throw new MalformedEventException(type.getSimpleName() + " record has the wrong shape at '" + path(e)
                    + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedEventException(type.getSimpleName() + " record is not valid JSON" + at + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            // Anything else a record's bytes can provoke (a constructor's own check, a limit of the parser) is
            // still the record's fault.
            throw new MalformedEventException(type.getSimpleName() + " record cannot be read: " + e, e);
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
