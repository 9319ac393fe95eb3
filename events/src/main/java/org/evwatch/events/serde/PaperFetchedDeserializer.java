package org.evwatch.events.serde;

import org.evwatch.events.PaperFetched;

public class PaperFetchedDeserializer extends EventDeserializer<PaperFetched> {

    public PaperFetchedDeserializer() {
        super(PaperFetched.class);
    }
}
