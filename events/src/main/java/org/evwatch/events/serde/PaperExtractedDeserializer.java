package org.evwatch.events.serde;

import org.evwatch.events.PaperExtracted;

public class PaperExtractedDeserializer extends EventDeserializer<PaperExtracted> {

    public PaperExtractedDeserializer() {
        super(PaperExtracted.class);
    }
}
