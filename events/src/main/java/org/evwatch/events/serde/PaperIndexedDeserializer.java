package org.evwatch.events.serde;

import org.evwatch.events.PaperIndexed;

public class PaperIndexedDeserializer extends EventDeserializer<PaperIndexed> {

    public PaperIndexedDeserializer() {
        super(PaperIndexed.class);
    }
}
