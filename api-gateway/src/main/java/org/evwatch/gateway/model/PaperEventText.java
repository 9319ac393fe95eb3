package org.evwatch.gateway.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A paper event and its JSON, written at most once however many senders need it: the webhook POST's body and the
 * live streams' event data are the same text.
 */
public final class PaperEventText {

    private final PaperEvent event;
    private String json;

    public PaperEventText(PaperEvent event) {
        this.event = event;
    }

    public PaperEvent event() {
        return event;
    }

    /** The event as JSON, written by {@code mapper} the first time it is asked for. */
    public synchronized String json(ObjectMapper mapper) {
        if (json == null) {
            try {
                json = mapper.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a paper event is plain values", e);
            }
        }
        return json;
    }
}
